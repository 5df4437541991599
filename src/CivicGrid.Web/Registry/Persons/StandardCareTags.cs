using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>The care tags every community starts with; administrators add, rename and retire tags from there.</summary>
public static class StandardCareTags
{
    public static readonly IReadOnlyList<string> Names =
        ["独居老人", "空巢老人", "残疾人", "低保", "特困", "退役军人", "留守儿童", "重点人员"];

    public static async Task SeedAsync(CivicGridDb db, CancellationToken ct)
    {
        if (await db.CareTags.AnyAsync(ct))
        {
            return;
        }

        db.CareTags.AddRange(Names.Select((name, i) => new CareTag { Name = name, Order = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}

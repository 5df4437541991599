using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>Which care tags may be given to a person: the active ones, and those the person already holds (a retired tag stays on whoever has it).</summary>
public static class CareTagChoice
{
    public static async Task RequireAsync(CivicGridDb db, IReadOnlyList<int>? tagIds, IReadOnlyCollection<int> held, CancellationToken ct)
    {
        if (tagIds is { Count: > 0 } && await db.CareTags.CountAsync(t => tagIds.Contains(t.Id) && (t.IsActive || held.Contains(t.Id)), ct) != tagIds.Count)
        {
            new Validation().Require(false, "careTagIds", "Registry.Person.UnknownCareTag").ThrowIfInvalid();
        }
    }
}

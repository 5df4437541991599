using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Persons;

public sealed record CareTagOption(int Id, string Name, bool IsActive);

/// <summary>The care tags a form offers as checkboxes.</summary>
public sealed class CareTagList(CivicGridDb db)
{
    public async Task<IReadOnlyList<CareTagOption>> OfferedAsync(CancellationToken ct) =>
        await db.CareTags.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Order)
            .Select(t => new CareTagOption(t.Id, t.Name, t.IsActive)).ToListAsync(ct);

    /// <summary>The active tags, and the retired ones this person still carries (so saving the form does not drop them).</summary>
    public async Task<IReadOnlyList<CareTagOption>> ForPersonAsync(IReadOnlyList<int> carried, CancellationToken ct) =>
        await db.CareTags.AsNoTracking().Where(t => t.IsActive || carried.Contains(t.Id)).OrderBy(t => t.Order)
            .Select(t => new CareTagOption(t.Id, t.Name, t.IsActive)).ToListAsync(ct);
}

using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Organisation;

/// <summary>A unit as the hot paths need it: read-only, shared between requests.</summary>
public sealed record UnitInfo(int Id, OrgUnitKind Kind, string Name, string Code, int? ParentId, string Path, bool IsActive)
{
    public bool IsTopLevel => OrgUnit.IsTopLevelPath(Path);

    public static UnitInfo Of(OrgUnit unit) => new(unit.Id, unit.Kind, unit.Name, unit.Code, unit.ParentId, unit.Path, unit.IsActive);
}

/// <summary>
/// The whole organisation in memory (a district has thousands of units at most), kept as a
/// reference snapshot so reporting, event details and place lookups need no query for it.
/// </summary>
public sealed class OrganisationTree(IEnumerable<UnitInfo> units)
{
    private readonly Dictionary<int, UnitInfo> _units = units.ToDictionary(u => u.Id);

    public IEnumerable<UnitInfo> Units => _units.Values;

    public UnitInfo? Find(int? id) => id is { } key ? _units.GetValueOrDefault(key) : null;

    public string? NameOf(int? id) => Find(id)?.Name;

    public static async Task<OrganisationTree> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        var units = await db.OrgUnits.AsNoTracking()
            .Select(u => new UnitInfo(u.Id, u.Kind, u.Name, u.Code, u.ParentId, u.Path, u.IsActive))
            .ToListAsync(ct);
        return new OrganisationTree(units);
    }
}

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
public sealed class OrganisationTree
{
    private readonly Dictionary<int, UnitInfo> _units;
    private readonly ILookup<int?, UnitInfo> _children;

    public OrganisationTree(IEnumerable<UnitInfo> units)
    {
        _units = units.ToDictionary(u => u.Id);
        _children = _units.Values.ToLookup(u => u.ParentId);
    }

    public IEnumerable<UnitInfo> Units => _units.Values;

    public UnitInfo? Find(int? id) => id is { } key ? _units.GetValueOrDefault(key) : null;

    public string? NameOf(int? id) => Find(id)?.Name;

    public IEnumerable<UnitInfo> ChildrenOf(int id) => _children[id];

    /// <summary>The active governance centre that looks after a street or district.</summary>
    public UnitInfo? CentreOf(int placeId) =>
        ChildrenOf(placeId).Where(u => u.Kind == OrgUnitKind.GovernanceCentre && u.IsActive).MinBy(u => u.Id);

    /// <summary>The district a path lies in: the first id of "/1/5/12/".</summary>
    public UnitInfo DistrictOf(string path) => Find(int.Parse(path.AsSpan(1, path.IndexOf('/', 1) - 1), provider: System.Globalization.CultureInfo.InvariantCulture))!;

    public static async Task<OrganisationTree> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CivicGridDb>();
        var units = await db.OrgUnits.AsNoTracking()
            .Select(u => new UnitInfo(u.Id, u.Kind, u.Name, u.Code, u.ParentId, u.Path, u.IsActive))
            .ToListAsync(ct);
        return new OrganisationTree(units);
    }
}

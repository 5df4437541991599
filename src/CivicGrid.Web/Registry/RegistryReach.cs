using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Registry.Housing;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry;

/// <summary>
/// The grids whose registry a staff member sees: a grid worker their grid, a community head their
/// community's, a centre its street or district; a department none, unless an administrator
/// granted it places (<see cref="Privacy.RegistryGrant"/>). A person, room or household outside
/// the reach does not exist for the caller (404), as events outside their scope do.
/// </summary>
public sealed record RegistryReach(IReadOnlyList<int> GridIds)
{
    public bool Covers(int gridId) => GridIds.Contains(gridId);

    public IQueryable<Room> Rooms(CivicGridDb db) => db.Rooms.Where(r => GridIds.Contains(r.Building!.GridId));

    public IQueryable<Residence> Residences(CivicGridDb db) =>
        db.Residences.Where(r => GridIds.Contains(r.Household!.Room!.Building!.GridId));

    /// <summary>Persons who live, or lived, in the reach; the building's history names the people who moved out.</summary>
    public IQueryable<Person> Persons(CivicGridDb db) =>
        db.Persons.Where(p => p.Residences.Any(r => GridIds.Contains(r.Household!.Room!.Building!.GridId)));
}

/// <summary>Works out a caller's <see cref="RegistryReach"/>.</summary>
public sealed class RegistryScope(CivicGridDb db, ReferenceSnapshot<OrganisationTree> organisation)
{
    public async Task<RegistryReach> ReachAsync(Caller caller, CancellationToken ct)
    {
        var tree = await organisation.GetAsync(ct);
        IReadOnlyList<string> roots = caller.PlaceScopePath is { } scope
            ? [scope]
            : await db.RegistryGrants
                .Where(g => g.DepartmentId == caller.UnitId && g.RevokedAt == null)
                .Join(db.OrgUnits, g => g.PlaceId, u => u.Id, (_, u) => u.Path)
                .ToListAsync(ct);
        var grids = tree.Units
            .Where(u => u.Kind == OrgUnitKind.Grid && roots.Any(root => u.Path.StartsWith(root, StringComparison.Ordinal)))
            .Select(u => u.Id)
            .Order()
            .ToList();
        return new RegistryReach(grids);
    }
}

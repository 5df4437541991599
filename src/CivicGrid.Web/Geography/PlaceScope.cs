using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Which places (grids, buildings, their QR codes) a staff member looks after: those in the
/// subtree of <see cref="Caller.PlaceScopePath"/>. A place outside it does not exist for the
/// caller (404), as events outside <c>EventScope</c> do (docs/decisions/0002-scope.md).
/// </summary>
public static class PlaceScope
{
    /// <summary>The authorisation policy of the building and label pages.</summary>
    public const string Policy = "PlaceKeeper";

    /// <summary>Staff with places to look after; a department has none.</summary>
    public static bool IsFor(Caller caller) => caller.PlaceScopePath is not null;

    /// <summary>The place at this path lies in the caller's subtree.</summary>
    public static bool Covers(Caller caller, string placePath) =>
        caller.PlaceScopePath is { } scope && placePath.StartsWith(scope, StringComparison.Ordinal);

    /// <summary>The caller looks after this community or part of it (a grid worker, their own grid).</summary>
    public static bool Reaches(Caller caller, string communityPath) =>
        caller.PlaceScopePath is { } scope &&
        (communityPath.StartsWith(scope, StringComparison.Ordinal) || scope.StartsWith(communityPath, StringComparison.Ordinal));

    /// <summary>Revoking a label and printing a new one is for administrators and community heads, of places they look after.</summary>
    public static bool ManagesCodes(Caller caller, string placePath) =>
        (Administrators.IsFor(caller) || caller.Role == StaffRole.CommunityHead) && Covers(caller, placePath);

    /// <summary>An active community the caller reaches; 404 for anything else.</summary>
    public static UnitInfo CommunityFor(OrganisationTree units, int communityId, Caller caller) =>
        units.Find(communityId) is { Kind: OrgUnitKind.Community, IsActive: true } community && Reaches(caller, community.Path)
            ? community
            : throw DomainException.NotFound();

    /// <summary>The active grids of a community that lie in the caller's subtree, in code order.</summary>
    public static IEnumerable<UnitInfo> GridsOf(OrganisationTree units, UnitInfo community, Caller caller) =>
        units.ChildrenOf(community.Id)
            .Where(g => g.Kind == OrgUnitKind.Grid && g.IsActive && Covers(caller, g.Path))
            .OrderBy(g => g.Code, StringComparer.Ordinal);

    /// <summary>The buildings standing in grids of the caller's subtree.</summary>
    public static IQueryable<Building> VisibleTo(this IQueryable<Building> buildings, CivicGridDb db, Caller caller)
    {
        if (caller.PlaceScopePath is not { } scope)
        {
            return buildings.Where(_ => false);
        }

        return buildings.Where(b => db.OrgUnits.Any(u => u.Id == b.GridId && u.Path.StartsWith(scope)));
    }
}

using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>
/// Who writes to residents: those who look after places where residents live, that is grid workers,
/// community heads, and the street's (or district's) dispatchers and leaders, each within their place
/// (<see cref="PlaceScope"/>). Departments look after no place, and administrators run the system.
/// </summary>
public static class NoticeDesk
{
    /// <summary>The authorisation policy of the staff pages and API.</summary>
    public const string Policy = "NoticeDesk";

    public static bool IsFor(Caller caller) =>
        caller.Role is StaffRole.GridWorker or StaffRole.CommunityHead or StaffRole.Dispatcher or StaffRole.Leader
        && PlaceScope.IsFor(caller);

    /// <summary>A grid or community the caller may write to. A place outside the caller's does not exist for them (404).</summary>
    public static UnitInfo AudienceFor(OrganisationTree units, int audienceId, Caller caller)
    {
        if (units.Find(audienceId) is not { IsActive: true } unit || !PlaceScope.Covers(caller, unit.Path))
        {
            throw DomainException.NotFound("Notice.NoSuchAudience");
        }

        return unit.Kind is OrgUnitKind.Grid or OrgUnitKind.Community
            ? unit
            : throw DomainException.Invalid(new Dictionary<string, string[]> { ["audienceId"] = ["Notice.NotAnAudience"] });
    }

    /// <summary>The grids and communities the caller may write to, communities first, in code order.</summary>
    public static IReadOnlyList<UnitInfo> AudiencesOf(OrganisationTree units, Caller caller) =>
        [.. units.Units
            .Where(u => u.Kind is OrgUnitKind.Grid or OrgUnitKind.Community && u.IsActive && PlaceScope.Covers(caller, u.Path))
            .OrderBy(u => u.Path, StringComparer.Ordinal)];
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Supervision;

/// <summary>Who watches whom: the unit told when a holder is late, and who may issue supervision orders.</summary>
public static class Supervisors
{
    /// <summary>The authorisation policy of the overdue list and the issued-orders overview.</summary>
    public const string Policy = "Supervisor";

    /// <summary>Leaders and governance-centre dispatchers issue supervision orders for events in their place.</summary>
    public static bool IsFor(Caller caller) => caller.Role is StaffRole.Leader or StaffRole.Dispatcher && caller.PlaceScopePath is not null;

    /// <summary>
    /// The unit above a late holder: grid → its community, community → its street's centre,
    /// street centre → the district centre, department → the centre that dispatched it.
    /// A district centre has nobody above it.
    /// </summary>
    public static UnitInfo? Of(UnitInfo holder, int? dispatchingCentreId, OrganisationTree tree) => holder.Kind switch
    {
        OrgUnitKind.Grid => tree.Find(holder.ParentId),
        OrgUnitKind.Community => holder.ParentId is { } street ? tree.CentreOf(street) : null,
        OrgUnitKind.GovernanceCentre => tree.Find(holder.ParentId) is { Kind: OrgUnitKind.Street, ParentId: { } district } ? tree.CentreOf(district) : null,
        OrgUnitKind.Department => tree.Find(dispatchingCentreId) ?? (holder.ParentId is { } place ? tree.CentreOf(place) : null),
        _ => null,
    };
}

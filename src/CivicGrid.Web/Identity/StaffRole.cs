using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Identity;

public enum StaffRole
{
    GridWorker = 1,
    CommunityHead = 2,
    Dispatcher = 3,
    DepartmentHandler = 4,
    Leader = 5,
    Administrator = 6,
}

public static class StaffRoles
{
    /// <summary>The kind of node an account of each role must belong to.</summary>
    public static IReadOnlyList<OrgUnitKind> AllowedUnits(StaffRole role) => role switch
    {
        StaffRole.GridWorker => [OrgUnitKind.Grid],
        StaffRole.CommunityHead => [OrgUnitKind.Community],
        StaffRole.Dispatcher => [OrgUnitKind.GovernanceCentre],
        StaffRole.DepartmentHandler => [OrgUnitKind.Department],
        StaffRole.Leader => [OrgUnitKind.District, OrgUnitKind.Street, OrgUnitKind.Community],
        StaffRole.Administrator => [OrgUnitKind.District, OrgUnitKind.Street],
        _ => [],
    };
}

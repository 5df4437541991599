namespace CivicGrid.Web.Organisation;

/// <summary>The kinds of node in the governance hierarchy.</summary>
public enum OrgUnitKind
{
    District = 1,
    Street = 2,
    Community = 3,
    Grid = 4,
    /// <summary>综治中心: sits under a street or a district.</summary>
    GovernanceCentre = 5,
    /// <summary>职能部门: belongs to a street or a district.</summary>
    Department = 6,
}

public static class OrgUnitKinds
{
    /// <summary>Which kinds of parent each kind may hang under; a district is the root.</summary>
    public static IReadOnlyList<OrgUnitKind> AllowedParents(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.District => [],
        OrgUnitKind.Street => [OrgUnitKind.District],
        OrgUnitKind.Community => [OrgUnitKind.Street],
        OrgUnitKind.Grid => [OrgUnitKind.Community],
        OrgUnitKind.GovernanceCentre or OrgUnitKind.Department => [OrgUnitKind.Street, OrgUnitKind.District],
        _ => [],
    };

    public static bool IsPlace(this OrgUnitKind kind) =>
        kind is OrgUnitKind.District or OrgUnitKind.Street or OrgUnitKind.Community or OrgUnitKind.Grid;
}

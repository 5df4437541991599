using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Identity;

/// <summary>
/// Who is asking, and where they stand: everything scope and workflow decisions need,
/// loaded once per request from the database so a moved or disabled account takes effect at once.
/// </summary>
public sealed record Caller(
    Guid UserId,
    string DisplayName,
    StaffRole Role,
    int UnitId,
    OrgUnitKind UnitKind,
    string UnitName,
    string UnitPath)
{
    /// <summary>
    /// The subtree of places this caller looks after. A governance centre looks after the
    /// street or district it sits in; a department sees only what is dispatched to it, so it
    /// has no place subtree at all.
    /// </summary>
    public string? PlaceScopePath => UnitKind switch
    {
        OrgUnitKind.Department => null,
        OrgUnitKind.GovernanceCentre => ParentPath(UnitPath),
        _ => UnitPath,
    };

    private static string ParentPath(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed[..(trimmed.LastIndexOf('/') + 1)];
    }
}

namespace CivicGrid.Web.Organisation;

/// <summary>
/// A node of the hierarchy: a place (district, street, community, grid), a governance
/// centre or a department. <see cref="Path"/> holds the ids from the root ("/1/4/9/") so that
/// "everything under this node" is one indexed prefix comparison.
/// </summary>
public class OrgUnit
{
    public int Id { get; set; }
    public OrgUnitKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Code { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public string Path { get; set; } = "/";
    public bool IsActive { get; set; } = true;

    /// <summary>Directly under the district: a district centre or department, above which nothing is.</summary>
    public bool IsTopLevel => IsTopLevelPath(Path);

    public static bool IsTopLevelPath(string path) => path.Count(c => c == '/') <= 3;

    public static string ChildPath(string parentPath, int id) => $"{parentPath}{id}/";
}

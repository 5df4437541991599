namespace CivicGrid.Web.Geography;

/// <summary>楼栋: a building with its units (单元), where it stands and the grid that point falls in.</summary>
public class Building
{
    public int Id { get; set; }
    public int GridId { get; set; }
    public required string Name { get; set; }
    public required string Address { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public bool IsActive { get; set; } = true;
    public List<BuildingUnit> Units { get; set; } = [];
}

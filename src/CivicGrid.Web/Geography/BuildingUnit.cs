namespace CivicGrid.Web.Geography;

/// <summary>单元: one entrance or stairwell of a building.</summary>
public class BuildingUnit
{
    public int Id { get; set; }
    public int BuildingId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
}

namespace CivicGrid.Web.Registry.Housing;

/// <summary>户: the people who live together in a room; a rented room may hold several.</summary>
public class Household
{
    public long Id { get; set; }
    public long RoomId { get; set; }
    public Room? Room { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Residence> Residences { get; set; } = [];
}

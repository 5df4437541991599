using CivicGrid.Web.Geography;

namespace CivicGrid.Web.Registry.Housing;

/// <summary>房屋: a room (flat, shop) of a building, in one of its units when the building has any.</summary>
public class Room
{
    public long Id { get; set; }
    public int BuildingId { get; set; }
    public Building? Building { get; set; }
    public int? UnitId { get; set; }
    public BuildingUnit? Unit { get; set; }
    /// <summary>As written on the door: "302", "1-302", "底商3号".</summary>
    public required string Number { get; set; }
    public RoomUse Use { get; set; } = RoomUse.OwnerOccupied;
    public DateTime CreatedAt { get; set; }
    public List<Household> Households { get; set; } = [];
}

/// <summary>What a room is used for; 出租屋 (rented) rooms and their tenants are what the rental report counts.</summary>
public enum RoomUse
{
    OwnerOccupied = 1,
    Rented = 2,
    Vacant = 3,
    Shop = 4,
}

using CivicGrid.Web.Registry.Persons;

namespace CivicGrid.Web.Registry.Housing;

/// <summary>The building page's form to add a room.</summary>
public sealed class RoomForm
{
    public int? UnitId { get; set; }
    public string? Number { get; set; }
    public RoomUse Use { get; set; } = RoomUse.OwnerOccupied;
}

/// <summary>The building page's form to register someone in a room; the ID number comes first, the rest can be filled from it.</summary>
public sealed class ResidentForm
{
    public long? RoomId { get; set; }
    public string? IdNumber { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public HouseholdRelation Relation { get; set; } = HouseholdRelation.Head;
    public ResidenceType Type { get; set; } = ResidenceType.Registered;
    public DateOnly? MovedInOn { get; set; }
    public string? RegistrationPlace { get; set; }
    public List<int> CareTagIds { get; set; } = [];
    /// <summary>Null: a household of their own.</summary>
    public long? HouseholdId { get; set; }

    /// <summary>
    /// Unticked care tags leave a known person's tags as they are: without script the form cannot
    /// show them, and registering someone somewhere new should not strip them.
    /// </summary>
    public ResidentInput ToInput() =>
        new(new PersonInput(Name, IdNumber, Phone, RegistrationPlace, CareTagIds.Count == 0 ? null : CareTagIds), HouseholdId, Relation, Type, MovedInOn);
}

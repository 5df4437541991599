namespace CivicGrid.Web.Registry.History;

/// <summary>
/// One change of the registry: who, when, which record and field, the old and the new value.
/// Values of sensitive fields (ID number, phone) are kept encrypted like the field itself and
/// shown masked. The building lets its page list what changed there recently.
/// </summary>
public class RegistryChange
{
    public long Id { get; set; }
    public RegistryRecord Record { get; set; }
    public long RecordId { get; set; }
    public long? PersonId { get; set; }
    public int? BuildingId { get; set; }
    public RegistryChangeKind Kind { get; set; }
    /// <summary>The property changed (<c>nameof(Person.Name)</c>); null when a whole record was added or removed.</summary>
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public bool IsSensitive { get; set; }
    /// <summary>Null for changes no staff member made (an import names its file in <see cref="Source"/>).</summary>
    public Guid? ById { get; set; }
    public required string ByName { get; set; }
    public string? Source { get; set; }
    public DateTime At { get; set; }
}

public enum RegistryRecord
{
    Person = 1,
    Residence = 2,
    Room = 3,
    Household = 4,
}

public enum RegistryChangeKind
{
    Added = 1,
    Changed = 2,
    Removed = 3,
}

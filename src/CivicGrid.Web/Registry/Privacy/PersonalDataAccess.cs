namespace CivicGrid.Web.Registry.Privacy;

/// <summary>访问审计: a staff member saw a person's full ID number or phone, and said why.</summary>
public class PersonalDataAccess
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public PersonalField Field { get; set; }
    public required string Reason { get; set; }
    public Guid ById { get; set; }
    public required string ByName { get; set; }
    public int ByUnitId { get; set; }
    public DateTime At { get; set; }
}

public enum PersonalField
{
    IdNumber = 1,
    Phone = 2,
}

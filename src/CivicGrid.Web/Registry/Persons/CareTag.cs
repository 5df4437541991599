namespace CivicGrid.Web.Registry.Persons;

/// <summary>关爱标签: 独居老人, 残疾人, 低保 …; administrators keep the list.</summary>
public class CareTag
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    /// <summary>A retired tag stays on the persons who carry it, but is offered no more.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>A care tag on a person, and since when.</summary>
public class PersonCareTag
{
    public long PersonId { get; set; }
    public int CareTagId { get; set; }
    public CareTag? CareTag { get; set; }
    public DateTime TaggedAt { get; set; }
}

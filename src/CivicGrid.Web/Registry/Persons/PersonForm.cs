namespace CivicGrid.Web.Registry.Persons;

/// <summary>The person page's form to correct a person.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? RegistrationPlace { get; set; }
    public List<int> CareTagIds { get; set; } = [];
}

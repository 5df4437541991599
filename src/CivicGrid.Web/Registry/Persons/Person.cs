using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;

namespace CivicGrid.Web.Registry.Persons;

/// <summary>
/// 人员: one person of the registry, one record wherever they live. The citizen ID number and the
/// phone are kept encrypted (<see cref="Privacy.PersonalData"/>), with a keyed hash to find a
/// person by the exact number and a mask to show; no page or export shows more unless a
/// permitted staff member states a reason (<see cref="Privacy.PersonalDataAccess"/>).
/// </summary>
public class Person
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    /// <summary>户籍地: derived from the ID number's division code, and editable.</summary>
    public string? RegistrationPlace { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Residence> Residences { get; set; } = [];
    public List<PersonCareTag> CareTags { get; set; } = [];
}

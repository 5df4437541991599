namespace CivicGrid.Web.Residents.Accounts;

/// <summary>
/// A resident's account: a verified mobile number and nothing more. Kept apart from staff
/// accounts, so no resident can ever hold a role or a place in the hierarchy.
/// </summary>
public class Resident
{
    public Guid Id { get; set; }
    /// <summary>Eleven digits, verified by a one-time code (<see cref="PhoneNumbers.Normalise"/>).</summary>
    public required string Phone { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSignInAt { get; set; }
    /// <summary>The grid the resident lives in (我的网格), an <see cref="Organisation.OrgUnitKind.Grid"/>; notices to it reach them.</summary>
    public int? HomeGridId { get; set; }
    public Organisation.OrgUnit? HomeGrid { get; set; }

    /// <summary>How staff and timelines name the resident: "群众 139****5678", never the whole number.</summary>
    public string PublicName => $"群众 {PhoneNumbers.Mask(Phone)}";
}

namespace CivicGrid.Web.Registry.Privacy;

/// <summary>
/// A department sees no registry data unless an administrator grants it a place (a street or a
/// community) for a stated purpose, until revoked.
/// </summary>
public class RegistryGrant
{
    public long Id { get; set; }
    public int DepartmentId { get; set; }
    public int PlaceId { get; set; }
    public required string Purpose { get; set; }
    public Guid GrantedById { get; set; }
    public DateTime GrantedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

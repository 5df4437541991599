namespace CivicGrid.Web.Geography;

public enum PlaceCodeKind
{
    Grid = 1,
    Building = 2,
}

/// <summary>
/// The token printed in a QR code on a wall (/q/{token}). A label that is torn down or copied
/// is revoked and a new token printed; the old one then answers with a clear page.
/// </summary>
public class PlaceCode
{
    public required string Token { get; set; }
    public PlaceCodeKind Kind { get; set; }
    /// <summary>The grid (an org unit) or the building the code stands for.</summary>
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

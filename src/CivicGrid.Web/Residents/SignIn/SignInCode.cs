namespace CivicGrid.Web.Residents.SignIn;

/// <summary>
/// A one-time code sent by SMS. Only its salted hash is kept; the rows also count how often a
/// number and an address asked, which is what the rate limits read.
/// </summary>
public class SignInCode
{
    public long Id { get; set; }
    public required string Phone { get; set; }
    public required string Salt { get; set; }
    public required string CodeHash { get; set; }
    /// <summary>The client address that asked, for the per-address limit.</summary>
    public string? RequestedFrom { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? UsedAt { get; set; }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CivicGrid.Web.Registry.Privacy;

/// <summary>A personal number as the database keeps it: encrypted, a keyed hash to find it, and a mask to show.</summary>
public sealed record SealedValue(string Cipher, string Hash, string Masked);

/// <summary>
/// Encryption at rest of ID numbers and phones. ASP.NET Core Data Protection encrypts (AES-256-CBC
/// with HMAC-SHA256) and rotates its keys every 90 days, keeping old keys to read old values; a
/// keyed HMAC-SHA256 finds a person by the exact number without decrypting every row.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider provider, LookupKey lookupKey)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CivicGrid.Registry.PersonalData");

    public SealedValue Seal(string value, string masked) => new(_protector.Protect(value), Hash(value), masked);

    public string Open(string cipher) => _protector.Unprotect(cipher);

    public string Hash(string value) => Convert.ToBase64String(HMACSHA256.HashData(lookupKey.Bytes, Encoding.UTF8.GetBytes(value)));
}

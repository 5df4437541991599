using System.Security.Cryptography;

namespace CivicGrid.Web.Geography;

/// <summary>
/// The random part of a place code's short URL. Digits and capitals without 0/O, 1/I/L, so a
/// token read off a weathered label and typed by hand cannot be misread; 31^8 ≈ 8.5 × 10^11
/// tokens, so guessing one on the wall of another building is hopeless.
/// </summary>
public class PlaceCodeTokens
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 8;

    /// <summary>A fresh token from the operating system's cryptographic generator.</summary>
    public virtual string Next() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a token typed or scanned is looked up as: upper case, nothing around it; null when it cannot be one.</summary>
    public static string? Normalise(string? token)
    {
        var trimmed = token?.Trim().ToUpperInvariant();
        return trimmed is { Length: > 0 and <= PlaceCodeConfiguration.TokenLength } && trimmed.All(Alphabet.Contains) ? trimmed : null;
    }
}

using System.Text.RegularExpressions;

namespace CivicGrid.Web.Residents.Accounts;

/// <summary>Mainland mobile numbers as residents type them ("+86 138-0000-1234"), kept as eleven digits.</summary>
public static partial class PhoneNumbers
{
    /// <summary>The eleven digits, or null when it is not a mainland mobile number.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var digits = Separators().Replace(typed.Trim(), string.Empty);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return Mobile().IsMatch(digits) ? digits : null;
    }

    /// <summary>"138****1234": enough for its owner to recognise, too little for anyone else to call.</summary>
    public static string Mask(string phone) =>
        phone.Length == 11 ? $"{phone[..3]}****{phone[7..]}" : new string('*', phone.Length);

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}

using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// Alibaba Cloud's RPC request signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as
/// its public documentation gives it: sort, percent-encode per RFC 3986, sign
/// "GET&amp;%2F&amp;" + the encoded canonical query with the secret followed by "&amp;".
/// </summary>
public static class AliyunSigner
{
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string method = "GET")
    {
        var stringToSign = $"{method}&{Encode("/")}&{Encode(CanonicalQuery(parameters))}";
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Name=value pairs sorted by name (ordinal), both encoded, joined by "&amp;".</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));

    /// <summary>RFC 3986: unreserved characters stay, everything else is %XX of its UTF-8 bytes (space %20, "*" %2A, "~" kept).</summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}

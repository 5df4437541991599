namespace CivicGrid.Web.Notifications.Texts;

/// <summary>How operators count a text message: GSM-7 (160 septets, 153 per part when split) unless any character is outside it, then UCS-2 (70, 67 per part).</summary>
public readonly record struct SmsLength(bool Unicode, int Units, int Segments)
{
    /// <summary>Two parts: what a notification may take, so a phone shows it as one message.</summary>
    public const int MaxSegments = 2;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /// <summary>The extension table: each costs an escape septet too.</summary>
    private const string Extended = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtendedSet = [.. Extended];

    public static SmsLength Of(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (BasicSet.Contains(c))
            {
                septets++;
            }
            else if (ExtendedSet.Contains(c))
            {
                septets += 2;
            }
            else
            {
                // UCS-2 counts UTF-16 code units: a character beyond the BMP takes two.
                return Split(true, text.Length, 70, 67);
            }
        }

        return Split(false, septets, 160, 153);
    }

    /// <summary>True when the text is sent as UCS-2, so any character (such as "…") costs nothing more.</summary>
    public static bool IsUnicode(string text) => Of(text).Unicode;

    public bool Fits => Segments <= MaxSegments;

    private static SmsLength Split(bool unicode, int units, int single, int part) =>
        new(unicode, units, units <= single ? 1 : (units + part - 1) / part);
}

namespace CivicGrid.Web.Notifications.Texts;

/// <summary>What the texts need from configuration (section "Notifications"): where links point, and how SMS are signed.</summary>
public sealed class NotificationTextOptions
{
    public const string Section = "Notifications";

    /// <summary>The platform's address as staff open it from a mail: links to events start here.</summary>
    [System.ComponentModel.DataAnnotations.Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public SmsSignatureOptions Sms { get; set; } = new();
}

/// <summary>The signature counts against the length of every SMS, so the texts reserve it.</summary>
public sealed class SmsSignatureOptions
{
    public string Signature { get; set; } = "【网格治理】";

    /// <summary>English texts stay in GSM-7 (twice as long per part) unless this or the content leaves it.</summary>
    public string SignatureEn { get; set; } = "[CivicGrid] ";
}

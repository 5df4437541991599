using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Notifications.Sms;

public enum HttpSmsAuth
{
    None,
    Bearer,
    Basic,
    /// <summary>A header of the provider's own naming, such as "X-Api-Key".</summary>
    Header,
}

/// <summary>The generic HTTP gateway (section "Notifications:Sms:Http"): any provider that takes a JSON body.</summary>
public sealed class HttpSmsOptions
{
    public const string Section = "Notifications:Sms:Http";

    [Url]
    public string? Url { get; set; }

    public string Method { get; set; } = "POST";

    public HttpSmsAuth Auth { get; set; } = HttpSmsAuth.None;
    public string? Token { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? HeaderName { get; set; }
    public string? HeaderValue { get; set; }

    /// <summary>CivicGrid's template name (a kind, or "Digest") → the provider's template id; a name not listed is sent as it is.</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    public string PhoneField { get; set; } = "phone";
    public string TextField { get; set; } = "text";
    public string TemplateField { get; set; } = "template";
    public string ParametersField { get; set; } = "params";

    /// <summary>The property of the response's JSON that holds the provider's message id.</summary>
    public string IdProperty { get; set; } = "id";

    /// <summary>Quick retries within one send, for a blip; the delivery worker retries across minutes.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Notifications.Email;

public enum EmailSecurity
{
    None,
    /// <summary>Plain connection upgraded with STARTTLS (port 587).</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>The SMTP server mail leaves through (section "Notifications:Email"). No host: no e-mail at all.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Notifications:Email";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? FromAddress { get; set; }
    public string FromName { get; set; } = "网格治理";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>False when no server is set: the channel refuses, and preferences offer no e-mail.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Host))]
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && !System.Net.Mail.MailAddress.TryCreate(FromAddress, out _))
        {
            yield return new ValidationResult($"{Section}:FromAddress must be an e-mail address when {Section}:Host is set.", [nameof(FromAddress)]);
        }
    }
}

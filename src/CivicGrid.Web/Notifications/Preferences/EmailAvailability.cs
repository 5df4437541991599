namespace CivicGrid.Web.Notifications.Preferences;

/// <summary>Whether the platform can send e-mail at all: without an SMTP host nobody can choose it.</summary>
public sealed class EmailAvailability
{
    public const string Section = "Notifications:Email";

    public string? Host { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

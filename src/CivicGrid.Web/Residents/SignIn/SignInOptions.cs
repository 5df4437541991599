using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Residents.SignIn;

/// <summary>How long a code lives and how often one may be asked for (section "Residents:SignIn").</summary>
public sealed class SignInOptions
{
    public const string Section = "Residents:SignIn";

    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A number waits this long before a new code.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 100)]
    public int PerNumberPerHour { get; set; } = 5;

    [Range(1, 1000)]
    public int PerNumberPerDay { get; set; } = 10;

    /// <summary>One address (a shared Wi-Fi, a community office) may ask for several people, within reason.</summary>
    [Range(1, 10000)]
    public int PerAddressPerHour { get; set; } = 30;

    /// <summary>Wrong guesses before a code stops working.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}

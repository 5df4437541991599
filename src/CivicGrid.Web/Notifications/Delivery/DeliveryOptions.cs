using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>The delivery worker: how often it looks, how long a claim holds, and how it retries.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications:Delivery";

    /// <summary>Off only where something else runs the rounds (the API tests call them themselves).</summary>
    public bool InBackground { get; set; } = true;

    /// <summary>The longest a due delivery waits when no save wakes the worker (retries, quiet hours, digests, other instances).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim keeps other workers away; a crashed worker's claims come free after it.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed try; it doubles with each further one, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>(Person, channel) groups taken per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}

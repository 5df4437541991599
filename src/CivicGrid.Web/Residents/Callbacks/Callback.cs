using CivicGrid.Web.Events;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>
/// 回访: the governance centre calls back the reporter of a closed event picked by the sample, and
/// records what they said. One per event; it stays due until reached, declined or given up.
/// </summary>
public class Callback
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public Event? Event { get; set; }
    public DateTime SampledAt { get; set; }
    public CallbackStatus Status { get; set; }
    /// <summary>Calls that found nobody so far.</summary>
    public int Attempts { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    /// <summary>When the reporter was last sent an SMS asking for a rating.</summary>
    public DateTime? RatingSmsAt { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public string? Comment { get; set; }
    /// <summary>Who recorded the outcome (or the last attempt), and when.</summary>
    public Guid? ByUserId { get; set; }
    public string? ByName { get; set; }
    public DateTime? At { get; set; }
    /// <summary>Optimistic concurrency: two dispatchers recording at once, the second gets 409.</summary>
    public int Version { get; set; }
}

public enum CallbackStatus
{
    /// <summary>待回访.</summary>
    Due = 1,
    /// <summary>已回访: the reporter answered and gave a satisfaction.</summary>
    Reached = 2,
    /// <summary>未联系上: every attempt failed.</summary>
    NotReached = 3,
    /// <summary>拒绝回访.</summary>
    Declined = 4,
}

/// <summary>What one call came to.</summary>
public enum CallbackOutcome
{
    Reached = 1,
    /// <summary>Nobody answered this time; another attempt follows until the limit.</summary>
    NotReached = 2,
    Declined = 3,
}

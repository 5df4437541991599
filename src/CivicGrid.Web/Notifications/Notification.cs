using CivicGrid.Web.Events;
using CivicGrid.Web.Supervision;

namespace CivicGrid.Web.Notifications;

/// <summary>
/// One thing one person should know, written in the same transaction as the change that causes it
/// (the outbox). It keeps what the texts need as it was at that moment, so a message sent a few
/// minutes later (quiet hours, digest, retry) still says what happened.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid RecipientId { get; set; }
    public long? EventId { get; set; }
    public Event? Event { get; set; }
    public long? SupervisionOrderId { get; set; }
    public SupervisionOrder? SupervisionOrder { get; set; }

    public required string EventNumber { get; set; }
    public required string EventTitle { get; set; }
    /// <summary>Rendered in the recipient's language at send time, with its plain-language name.</summary>
    public int CategoryId { get; set; }
    public required string Place { get; set; }
    /// <summary>The deadline the recipient must meet (the step's, or the supervision order's).</summary>
    public DateTime? Deadline { get; set; }
    /// <summary>Urgent and critical events break through quiet hours and digests.</summary>
    public bool Urgent { get; set; }
    /// <summary>Who caused it, and what they said (a return's reason, an order's note), shortened.</summary>
    public string? ActorName { get; set; }
    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }
    /// <summary>When the person opened it in the app; in-app only, it does not stop other channels.</summary>
    public DateTime? ReadAt { get; set; }

    public List<NotificationDelivery> Deliveries { get; set; } = [];
}

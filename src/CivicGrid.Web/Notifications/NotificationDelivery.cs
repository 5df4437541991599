namespace CivicGrid.Web.Notifications;

/// <summary>
/// One notification on one channel: the unit of sending, retrying and logging. (Notification,
/// channel) is unique, and the key the message carries to the gateway is derived from it, so a
/// retry after a crash is recognisable as the same message.
/// </summary>
public class NotificationDelivery
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    /// <summary>Copied from the notification: the worker claims a person's due deliveries together, to fold them into one digest.</summary>
    public Guid RecipientId { get; set; }
    public NotificationChannel Channel { get; set; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    /// <summary>Not before: now when written; later for quiet hours, a digest window, or the next retry.</summary>
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>A worker's claim: until the lease ends no other worker takes it; a crashed worker's lease simply runs out.</summary>
    public Guid? LeaseToken { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>
    /// The idempotency key of the message that carries this delivery, fixed before the first send:
    /// one notification alone, or a digest of several. A retry sends the same batch under the same key.
    /// </summary>
    public string? MessageKey { get; set; }

    /// <summary>The phone number or e-mail address it went to.</summary>
    public string? Address { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
}

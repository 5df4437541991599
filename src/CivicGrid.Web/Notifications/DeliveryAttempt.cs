namespace CivicGrid.Web.Notifications;

/// <summary>One try to hand one message (one notification, or a digest of several) to a channel: the delivery log's rows.</summary>
public class DeliveryAttempt
{
    public long Id { get; set; }
    /// <summary>The message's idempotency key (<see cref="NotificationDelivery.MessageKey"/>): every delivery it carried shares it.</summary>
    public required string MessageKey { get; set; }
    public NotificationChannel Channel { get; set; }
    public Guid RecipientId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }
    /// <summary>True when retrying cannot help (an invalid number, a refused template): the deliveries fail at once.</summary>
    public bool Permanent { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}

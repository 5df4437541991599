namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// One way of reaching a person (in-app, SMS, e-mail). The delivery worker hands it one message
/// at a time: one notification, or a digest of several for the same person. The channel renders
/// the text in the person's language and says how it went.
/// </summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <param name="Key">The idempotency key: the same message retried carries the same key, so a gateway that honours it sends once.</param>
/// <param name="Address">Phone number or e-mail address; null for in-app.</param>
/// <param name="Language">"zh-CN" or "en".</param>
public sealed record OutgoingMessage(string Key, Guid RecipientId, string? Address, string Language, IReadOnlyList<Notification> Notifications);

/// <param name="Permanent">Retrying cannot help (a refused number or template): the deliveries fail at once instead of retrying.</param>
public sealed record ChannelResult(bool Succeeded, bool Permanent = false, string? ProviderMessageId = null, string? Error = null)
{
    public static ChannelResult Sent(string? providerMessageId) => new(true, ProviderMessageId: providerMessageId);

    public static ChannelResult Transient(string error) => new(false, Error: error);

    public static ChannelResult Rejected(string error) => new(false, Permanent: true, Error: error);
}

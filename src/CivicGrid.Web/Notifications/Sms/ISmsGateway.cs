namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// A provider that delivers text messages: the generic HTTP gateway, a Chinese cloud SMS API, or
/// the development sink. Chinese providers send only pre-approved templates, so a message carries
/// both the finished text and the template's key and parameters; each gateway uses what it needs.
/// </summary>
public interface ISmsGateway
{
    Task<Delivery.ChannelResult> SendAsync(SmsMessage message, CancellationToken ct);
}

/// <param name="Key">Idempotency key of the message (the same on a retry).</param>
/// <param name="Template">The template's name in CivicGrid (a <see cref="NotificationKind"/>, or "Digest"); gateways map it to their own codes.</param>
/// <param name="Parameters">The template's variables by name (number, category, place, deadline, count).</param>
public sealed record SmsMessage(string Key, string Phone, string Text, string Template, IReadOnlyDictionary<string, string> Parameters);

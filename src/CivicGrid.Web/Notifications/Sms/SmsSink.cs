using System.Collections.Concurrent;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>
/// The development gateway: nothing leaves the machine. Messages go to the log and to a short
/// in-memory list that administrators read on a page, so the demo shows what would have been sent.
/// It keeps the gateway's promise on keys: a message retried under the same key is kept once.
/// </summary>
public sealed class SmsSink(TimeProvider clock, ILogger<SmsSink> log) : ISmsGateway
{
    public const int Capacity = 500;

    private readonly ConcurrentQueue<SinkedSms> _messages = new();
    private readonly ConcurrentDictionary<string, string> _keys = new();

    public sealed record SinkedSms(string Id, string Key, string Phone, string Text, string Template, DateTime At);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SinkedSms> Messages => [.. _messages.Reverse()];

    public Task<Delivery.ChannelResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        var id = _keys.GetOrAdd(message.Key, _ =>
        {
            var sms = new SinkedSms($"sink-{Guid.NewGuid():N}", message.Key, message.Phone, message.Text, message.Template, clock.GetUtcNow().UtcDateTime);
            _messages.Enqueue(sms);
            while (_messages.Count > Capacity && _messages.TryDequeue(out var dropped))
            {
                _keys.TryRemove(dropped.Key, out string? _);
            }

            log.LogInformation("SMS to {Phone} ({Template}): {Text}", message.Phone, message.Template, message.Text);
            return sms.Id;
        });
        return Task.FromResult(Delivery.ChannelResult.Sent(id));
    }
}

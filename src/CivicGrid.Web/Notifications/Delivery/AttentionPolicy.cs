namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// What goes to one person on one channel now, as which messages, and what waits. In-app is the
/// to-do list itself and never waits. SMS and e-mail respect quiet hours (urgent breaks through)
/// and fold a burst into one digest; a message already fixed is retried as it was.
/// </summary>
public static class AttentionPolicy
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <param name="MessageKey">Set when the message carrying it was fixed by an earlier round.</param>
    public sealed record Item(long DeliveryId, long NotificationId, bool Urgent, string? MessageKey);

    public sealed record Message(string Key, IReadOnlyList<long> DeliveryIds);

    /// <param name="HoldUntil">When the held deliveries are due again; null when nothing is held.</param>
    public sealed record Plan(IReadOnlyList<Message> Messages, IReadOnlyList<long> Held, DateTime? HoldUntil);

    /// <param name="lastSentAt">When the person last got a message on this channel.</param>
    public static Plan For(NotificationChannel channel, IReadOnlyList<Item> due, NotificationPreference preference, DateTime? lastSentAt, DateTime now)
    {
        if (channel == NotificationChannel.InApp)
        {
            return new Plan([.. due.Select(i => new Message(i.MessageKey ?? SingleKey(i, channel), [i.DeliveryId]))], [], null);
        }

        var messages = new List<Message>();
        var held = new List<long>();
        var quietUntil = QuietUntil(preference, now);
        foreach (var fixedMessage in due.Where(i => i.MessageKey is not null).GroupBy(i => i.MessageKey!))
        {
            if (quietUntil is not null && !fixedMessage.Any(i => i.Urgent))
            {
                held.AddRange(fixedMessage.Select(i => i.DeliveryId));
            }
            else
            {
                messages.Add(new Message(fixedMessage.Key, [.. fixedMessage.Select(i => i.DeliveryId)]));
            }
        }

        var fresh = due.Where(i => i.MessageKey is null).ToList();
        messages.AddRange(fresh.Where(i => i.Urgent).Select(i => new Message(SingleKey(i, channel), [i.DeliveryId])));
        var normal = fresh.Where(i => !i.Urgent).OrderBy(i => i.DeliveryId).ToList();
        var digestEnds = preference.DigestMinutes > 0 && lastSentAt is { } last ? last.AddMinutes(preference.DigestMinutes) : (DateTime?)null;
        var holdUntil = quietUntil ?? (digestEnds > now ? digestEnds : null);
        if (normal.Count > 0 && holdUntil is not null)
        {
            held.AddRange(normal.Select(i => i.DeliveryId));
        }
        else if (normal.Count <= 1 || preference.DigestMinutes == 0)
        {
            messages.AddRange(normal.Select(i => new Message(SingleKey(i, channel), [i.DeliveryId])));
        }
        else
        {
            messages.Add(new Message(DigestKey(normal[0].DeliveryId, normal.Count, channel), [.. normal.Select(i => i.DeliveryId)]));
        }

        return new Plan(messages, held, held.Count > 0 ? holdUntil : null);
    }

    /// <summary>The end of the quiet hours <paramref name="now"/> falls in (UTC), or null outside them.</summary>
    public static DateTime? QuietUntil(NotificationPreference preference, DateTime now)
    {
        if (preference.QuietFrom is not { } from || preference.QuietUntil is not { } until || from == until)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), Beijing);
        var time = TimeOnly.FromDateTime(local);
        var quiet = from < until ? time >= from && time < until : time >= from || time < until;
        if (!quiet)
        {
            return null;
        }

        var end = local.Date + until.ToTimeSpan();
        if (end <= local)
        {
            end = end.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), Beijing);
    }

    public static string SingleKey(Item item, NotificationChannel channel) => $"n{item.NotificationId}-{Name(channel)}";

    public static string DigestKey(long lowestDeliveryId, int count, NotificationChannel channel) => $"d{lowestDeliveryId}x{count}-{Name(channel)}";

    private static string Name(NotificationChannel channel) => channel.ToString().ToLowerInvariant();
}

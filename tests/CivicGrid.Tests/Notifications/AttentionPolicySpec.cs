using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;

namespace CivicGrid.Tests.Notifications;

/// <summary>The attention policy alone: which deliveries go now, as which messages, and until when the rest wait.</summary>
public sealed class AttentionPolicySpec
{
    private static readonly Guid Person = Guid.NewGuid();

    // 2026-11-23 15:00 UTC is 23:00 in Beijing; 01:00 UTC is 09:00.
    private static readonly DateTime ElevenAtNight = new(2026, 11, 23, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime NineInTheMorning = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(14, 0, false)] // 22:00 Beijing: quiet hours begin
    [InlineData(13, 59, true)]
    [InlineData(22, 59, false)] // 06:59 the next morning
    [InlineData(23, 0, true)] // 07:00: over
    public void Quiet_hours_cross_midnight_in_Beijing_time(int utcHour, int utcMinute, bool open)
    {
        var at = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc).AddHours(utcHour).AddMinutes(utcMinute);

        Assert.Equal(open, AttentionPolicy.QuietUntil(NotificationPreference.Defaults(Person), at) is null);
    }

    [Fact]
    public void Quiet_hours_end_at_the_next_seven_in_the_morning()
    {
        Assert.Equal(new DateTime(2026, 11, 23, 23, 0, 0, DateTimeKind.Utc), AttentionPolicy.QuietUntil(NotificationPreference.Defaults(Person), ElevenAtNight));
    }

    [Fact]
    public void Quiet_hours_within_one_day_hold_only_inside_them()
    {
        var preference = NotificationPreference.Defaults(Person);
        (preference.QuietFrom, preference.QuietUntil) = (new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.Null(AttentionPolicy.QuietUntil(preference, NineInTheMorning));
        Assert.Equal(NineInTheMorning.AddHours(5), AttentionPolicy.QuietUntil(preference, NineInTheMorning.AddHours(3.5)));
    }

    [Fact]
    public void In_app_notices_are_never_held_and_go_one_by_one()
    {
        var plan = AttentionPolicy.For(NotificationChannel.InApp, [Item(1, 10), Item(2, 11)], NotificationPreference.Defaults(Person), ElevenAtNight, ElevenAtNight);

        Assert.Equal(["n10-inapp", "n11-inapp"], plan.Messages.Select(m => m.Key));
        Assert.Empty(plan.Held);
    }

    [Fact]
    public void At_night_normal_notices_wait_and_urgent_ones_go_each_on_its_own()
    {
        var plan = AttentionPolicy.For(NotificationChannel.Sms, [Item(1, 10), Item(2, 11, urgent: true), Item(3, 12, urgent: true)], NotificationPreference.Defaults(Person), null, ElevenAtNight);

        Assert.Equal(["n11-sms", "n12-sms"], plan.Messages.Select(m => m.Key));
        Assert.Equal([1L], plan.Held);
        Assert.Equal(ElevenAtNight.AddHours(8), plan.HoldUntil);
    }

    [Fact]
    public void Several_due_together_go_as_one_digest_and_within_the_window_they_wait_for_its_end()
    {
        var preference = NotificationPreference.Defaults(Person);

        var together = AttentionPolicy.For(NotificationChannel.Sms, [Item(7, 10), Item(5, 11), Item(9, 12)], preference, null, NineInTheMorning);
        var digest = Assert.Single(together.Messages);
        Assert.Equal(("d5x3-sms", 3), (digest.Key, digest.DeliveryIds.Count));

        var soon = AttentionPolicy.For(NotificationChannel.Email, [Item(7, 10)], preference, NineInTheMorning.AddMinutes(-2), NineInTheMorning);
        Assert.Empty(soon.Messages);
        Assert.Equal(NineInTheMorning.AddMinutes(3), soon.HoldUntil);
    }

    [Fact]
    public void A_message_already_fixed_is_sent_again_as_it_was()
    {
        var plan = AttentionPolicy.For(NotificationChannel.Sms, [Item(5, 10, key: "d5x2-sms"), Item(6, 11, key: "d5x2-sms")], NotificationPreference.Defaults(Person), NineInTheMorning.AddMinutes(-1), NineInTheMorning);

        var message = Assert.Single(plan.Messages);
        Assert.Equal(("d5x2-sms", 2), (message.Key, message.DeliveryIds.Count));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(12, 3600)]
    public void Retries_wait_twice_as_long_each_time_up_to_an_hour(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRound.Backoff(attempts, TimeSpan.FromSeconds(30), jitter: 0.5));
        Assert.InRange(DeliveryRound.Backoff(attempts, TimeSpan.FromSeconds(30), jitter: 0), TimeSpan.FromSeconds(seconds * 0.8) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(seconds));
    }

    private static AttentionPolicy.Item Item(long delivery, long notification, bool urgent = false, string? key = null) => new(delivery, notification, urgent, key);
}

using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;

namespace CivicGrid.Tests.Notifications;

/// <summary>
/// SMS respect a person's attention: nothing at night unless urgent, and a burst of new to-dos
/// becomes one SMS now and one digest after the window, not a flood.
/// </summary>
public sealed class DeliveryAttentionTests : AppTest
{
    // The factory's clock starts at 09:00 Beijing time; 23:00 is fourteen hours later.
    private static readonly TimeSpan UntilElevenAtNight = TimeSpan.FromHours(14);

    [Fact]
    public async Task A_normal_new_todo_at_eleven_at_night_waits_until_seven_in_the_morning()
    {
        App.Clock.Advance(UntilElevenAtNight);
        await ReportAsync();

        await App.DeliverAsync();
        Assert.Empty(App.Sink().Messages);
        var held = Assert.Single(await App.SmsDeliveriesAsync(await App.UserIdAsync("chenliting")));
        Assert.Equal((DeliveryStatus.Pending, new DateTime(2026, 11, 23, 23, 0, 0, DateTimeKind.Utc)), (held.Status, held.DueAt));

        App.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        await App.DeliverAsync();
        Assert.Empty(App.Sink().Messages);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.DeliverAsync();
        var sms = Assert.Single(App.Sink().Messages);
        Assert.Equal(await App.PhoneOfAsync("chenliting"), sms.Phone);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, sms.At);
    }

    [Fact]
    public async Task An_urgent_new_todo_at_eleven_at_night_is_sent_at_once()
    {
        App.Clock.Advance(UntilElevenAtNight);
        await ReportAsync(urgency: "Urgent");

        await App.DeliverAsync();

        var sms = Assert.Single(App.Sink().Messages);
        Assert.Equal(await App.PhoneOfAsync("chenliting"), sms.Phone);
    }

    [Fact]
    public async Task Three_new_todos_within_the_digest_window_make_one_sms_at_once_and_one_digest_after_the_window()
    {
        var chen = await App.UserIdAsync("chenliting");
        await ReportAsync("第一件");
        await App.DeliverAsync();
        var first = Assert.Single(App.Sink().Messages);

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReportAsync("第二件");
        await App.DeliverAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReportAsync("第三件");
        await App.DeliverAsync();
        Assert.Single(App.Sink().Messages);

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await App.DeliverAsync();

        Assert.Equal(2, App.Sink().Messages.Count);
        var digest = App.Sink().Messages[0];
        Assert.Equal("Digest", digest.Template);
        var deliveries = await App.SmsDeliveriesAsync(chen);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(first.Key, deliveries[0].MessageKey);
        Assert.Equal([digest.Key, digest.Key], deliveries.Skip(1).Select(d => d.MessageKey));
        Assert.Equal($"d{deliveries[1].Id}x2-sms", digest.Key);
    }

    [Fact]
    public async Task With_digests_off_three_new_todos_are_three_sms()
    {
        await App.PreferAsync(await App.UserIdAsync("chenliting"), p => p.DigestMinutes = 0);
        for (var i = 0; i < 3; i++)
        {
            await ReportAsync($"第{i}件");
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            await App.DeliverAsync();
        }

        Assert.Equal(3, App.Sink().Messages.Count);
        Assert.DoesNotContain(App.Sink().Messages, m => m.Template == "Digest");
    }

    [Fact]
    public async Task Without_quiet_hours_a_normal_new_todo_goes_out_at_night()
    {
        await App.PreferAsync(await App.UserIdAsync("chenliting"), p => (p.QuietFrom, p.QuietUntil) = (null, null));
        App.Clock.Advance(UntilElevenAtNight);
        await ReportAsync();

        await App.DeliverAsync();

        Assert.Single(App.Sink().Messages);
    }

    private async Task ReportAsync(string title = "绿地私搭停车棚", string urgency = "Normal")
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title, urgency: urgency));
    }
}

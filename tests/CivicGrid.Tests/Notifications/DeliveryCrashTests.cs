using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>
/// Whatever dies midway, and however many instances deliver at once, every SMS goes out exactly
/// once: claims are leased, and a message's key is fixed before it is sent.
/// </summary>
public sealed class DeliveryCrashTests : AppTest
{
    private static readonly TimeSpan PastTheLease = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_worker_that_dies_between_claim_and_send_leaves_the_sms_to_another_instance_which_sends_it_once()
    {
        await ReportInYiyangAsync();
        var chen = await App.UserIdAsync("chenliting");

        Assert.Contains(await App.ClaimOnlyAsync(), c => c.Channel == NotificationChannel.Sms);
        Assert.Equal(0, (await App.DeliverAsync()).Messages);
        Assert.Empty(App.Sink().Messages);

        App.Clock.Advance(PastTheLease);
        await using var second = App.WithWebHostBuilder(_ => { });
        // The SMS and the in-app notice the dead worker had claimed.
        Assert.Equal(2, (await second.DeliverAsync()).Messages);
        Assert.Equal(0, (await second.DeliverAsync()).Messages);
        Assert.Equal(0, (await App.DeliverAsync()).Messages);

        var sms = Assert.Single(second.Sink().Messages);
        Assert.Equal(await App.PhoneOfAsync("chenliting"), sms.Phone);
        var delivery = Assert.Single(await App.SmsDeliveriesAsync(chen));
        Assert.Equal((DeliveryStatus.Sent, 1, sms.Id, sms.Key), (delivery.Status, delivery.Attempts, delivery.ProviderMessageId, delivery.MessageKey));
        Assert.Null(delivery.LeaseToken);
        Assert.Equal(1, await App.QueryAsync(db => db.DeliveryAttempts.CountAsync(a => a.MessageKey == sms.Key && a.Succeeded)));
    }

    [Fact]
    public async Task A_worker_that_dies_after_the_provider_accepted_sends_again_under_the_same_key_and_the_provider_keeps_one()
    {
        var provider = new StandInGateway { HangAfterAccepting = true };
        await using var instance = App.SendingThrough(provider);
        await ReportInYiyangAsync();

        using var crash = new CancellationTokenSource();
        var dying = instance.DeliverAsync(crash.Token);
        await provider.Accepting.Task;
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);

        provider.HangAfterAccepting = false;
        App.Clock.Advance(PastTheLease);
        Assert.Equal(1, (await instance.DeliverAsync()).Messages);

        Assert.Equal(2, provider.Calls);
        var sms = Assert.Single(provider.Accepted);
        var delivery = Assert.Single(await App.SmsDeliveriesAsync(await App.UserIdAsync("chenliting")));
        Assert.Equal((DeliveryStatus.Sent, sms.Key), (delivery.Status, delivery.MessageKey));
        Assert.Equal($"n{delivery.NotificationId}-sms", sms.Key);
    }

    [Fact]
    public async Task Two_instances_delivering_one_database_at_the_same_time_send_every_sms_once()
    {
        var chen = await App.UserIdAsync("chenliting");
        var huang = await App.UserIdAsync("huangyan");
        await App.PreferAsync(chen, p => p.DigestMinutes = 0);
        await App.PreferAsync(huang, p => p.DigestMinutes = 0);
        var qiu = await App.SignInAsync("qiumeiling");
        var zheng = await App.SignInAsync("zhengwei");
        for (var i = 0; i < 6; i++)
        {
            await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: $"毅阳事件{i}"));
            await zheng.ReportAsync(EventsClient.Report(await SpotInGridAsync("檀林社区", 1), title: $"檀林事件{i}"));
        }

        await using var second = App.WithWebHostBuilder(_ => { });
        var results = await Task.WhenAll(App.DeliverAsync(), second.DeliverAsync(), App.DeliverAsync(), second.DeliverAsync());

        var deliveries = await App.QueryAsync(db => db.NotificationDeliveries.Where(d => d.Channel == NotificationChannel.Sms).ToListAsync());
        Assert.Equal(12, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        var sent = App.Sink().Messages.Concat(second.Sink().Messages).ToList();
        Assert.Equal(12, sent.Count);
        Assert.Equal(12, sent.Select(m => m.Key).Distinct().Count());
        // Each report's SMS and in-app notice.
        Assert.Equal(24, results.Sum(r => r.Messages));
        Assert.Equal(12, await App.QueryAsync(db => db.DeliveryAttempts.CountAsync(a => a.Channel == NotificationChannel.Sms)));
    }

    private async Task ReportInYiyangAsync(string title = "绿地私搭停车棚")
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title));
    }
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Tests.Notifications;

/// <summary>A provider that fails is tried again later; one that refuses, or the last try, leaves a failure administrators see and can send again.</summary>
public sealed class DeliveryFailureTests : AppTest
{
    [Fact]
    public async Task A_transient_failure_is_tried_again_after_a_backoff_and_then_sent()
    {
        var provider = new StandInGateway { TransientFailures = 1 };
        await using var instance = App.SendingThrough(provider);
        await ReportInYiyangAsync();

        var first = await instance.DeliverAsync();
        // The in-app notice goes; the SMS fails.
        Assert.Equal((1, 1), (first.Messages, first.Failures));
        var waiting = Assert.Single(await ChensSmsAsync());
        Assert.Equal((DeliveryStatus.Pending, 1, "provider busy"), (waiting.Status, waiting.Attempts, waiting.LastError));
        Assert.InRange(waiting.DueAt - App.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));
        Assert.Equal(0, (await instance.DeliverAsync()).Failures);

        App.Clock.Advance(TimeSpan.FromSeconds(36));
        Assert.Equal(1, (await instance.DeliverAsync()).Messages);

        var sent = Assert.Single(await ChensSmsAsync());
        Assert.Equal((DeliveryStatus.Sent, 2, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Single(provider.Accepted);
        var attempts = await App.QueryAsync(db => db.DeliveryAttempts.Where(a => a.MessageKey == sent.MessageKey).OrderBy(a => a.Id).Select(a => a.Succeeded).ToListAsync());
        Assert.Equal([false, true], attempts);
    }

    [Fact]
    public async Task A_refused_sms_fails_at_once_is_listed_for_administrators_and_sent_again_on_retry()
    {
        var provider = new StandInGateway { Refuse = true };
        await using var instance = App.SendingThrough(provider);
        await ReportInYiyangAsync();

        await instance.DeliverAsync();
        var failed = Assert.Single(await ChensSmsAsync());
        Assert.Equal((DeliveryStatus.Failed, 1), (failed.Status, failed.Attempts));

        var admin = await App.SignInAsync("admin");
        var listed = await admin.DeliveriesAsync("?status=Failed");
        Assert.Equal(1, listed.Failed);
        var row = Assert.Single(listed.Deliveries.Items);
        Assert.Equal((failed.Id, "陈立婷", NotificationKind.NewTodo, NotificationChannel.Sms, "invalid phone number"), (row.Id, row.RecipientName, row.Kind, row.Channel, row.LastError));

        provider.Refuse = false;
        var retried = await (await admin.TryRetryAsync(failed.Id)).ShouldBe<DeliveryDetail>(HttpStatusCode.OK);
        Assert.Equal((DeliveryStatus.Pending, 1), (retried.Delivery.Status, retried.Delivery.Attempts));
        await instance.DeliverAsync();

        var detail = await admin.DeliveryAsync(failed.Id);
        Assert.Equal((DeliveryStatus.Sent, 2), (detail.Delivery.Status, detail.Delivery.Attempts));
        Assert.Equal([(false, true), (true, false)], detail.Attempts.Select(a => (a.Succeeded, a.Permanent)));
        Assert.Single(provider.Accepted);
        Assert.Equal(0, (await admin.DeliveriesAsync()).Failed);
    }

    [Fact]
    public async Task The_last_allowed_try_failing_gives_up()
    {
        var provider = new StandInGateway { TransientFailures = 10 };
        await using var instance = App.SendingThrough(provider).WithWebHostBuilder(host => host.UseSetting("Notifications:Delivery:MaxAttempts", "2"));
        await ReportInYiyangAsync();

        await instance.DeliverAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await instance.DeliverAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await instance.DeliverAsync();

        var failed = Assert.Single(await ChensSmsAsync());
        Assert.Equal((DeliveryStatus.Failed, 2), (failed.Status, failed.Attempts));
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public async Task A_person_whose_phone_was_removed_before_the_send_is_skipped()
    {
        await ReportInYiyangAsync();
        await App.QueryAsync(db => db.Users.Where(u => u.UserName == "chenliting").ExecuteUpdateAsync(set => set.SetProperty(u => u.PhoneNumber, (string?)null)));

        await App.DeliverAsync();

        Assert.Equal(DeliveryStatus.Skipped, Assert.Single(await ChensSmsAsync()).Status);
        Assert.Empty(App.Sink().Messages);
    }

    [Fact]
    public async Task Retrying_a_delivery_that_did_not_fail_is_refused_and_changes_nothing()
    {
        await ReportInYiyangAsync();
        await App.DeliverAsync();
        var sent = Assert.Single(await ChensSmsAsync());

        var admin = await App.SignInAsync("admin");
        await (await admin.TryRetryAsync(sent.Id)).ShouldBeProblem(HttpStatusCode.Conflict);

        var after = Assert.Single(await ChensSmsAsync());
        Assert.Equal((DeliveryStatus.Sent, sent.DueAt, 1), (after.Status, after.DueAt, after.Attempts));
    }

    [Fact]
    public void An_unknown_sms_gateway_stops_start_up_with_a_clear_message()
    {
        var misconfigured = App.WithWebHostBuilder(host => host.UseSetting("Notifications:Sms:Gateway", "Nowhere"));

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => misconfigured.Services);

        Assert.Contains("Notifications:Sms:Gateway is \"Nowhere\"", failure.Message);
    }

    private async Task<List<NotificationDelivery>> ChensSmsAsync() => await App.SmsDeliveriesAsync(await App.UserIdAsync("chenliting"));

    private async Task ReportInYiyangAsync()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
    }
}

using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>On a running instance nobody runs rounds by hand: the save that writes a notification wakes the worker.</summary>
public sealed class DeliveryWorkerTests
{
    [Fact]
    public async Task A_reported_event_reaches_the_community_heads_phone_without_waiting_for_the_poll()
    {
        // The test clock never moves, so only the commit's wake-up can start a round.
        await using var app = new CivicGridFactory { DeliverNotificationsInBackground = true };
        var qiu = await app.SignInAsync("qiumeiling");

        var grid = await app.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        await qiu.ReportAsync(EventsClient.Report(await app.SpotInGridAsync(grid)));

        for (var attempt = 0; attempt < 100 && app.Sink().Messages.Count == 0; attempt++)
        {
            await Task.Delay(100);
        }

        var sms = Assert.Single(app.Sink().Messages);
        Assert.Equal(await app.PhoneOfAsync("chenliting"), sms.Phone);
    }
}

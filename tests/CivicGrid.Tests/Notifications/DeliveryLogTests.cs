using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Residents.Notices;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>The delivery log shows administrators the deliveries of their own subtree, and nobody else anything.</summary>
public sealed class DeliveryLogTests : AppTest
{
    private const string Password = "Start@2026";

    [Fact]
    public async Task An_administrator_of_another_street_sees_only_the_deliveries_of_that_street()
    {
        var district = await App.SignInAsync("admin");
        await district.CreateAccountAsync("chaoyangadmin", "Administrator", await UnitAsync("朝阳街道"), Password, "朝阳管理员");
        await district.CreateAccountAsync("zhaoxia", "GridWorker", await GridAsync("朝阳社区", 1), Password, "赵霞");
        await ReportAsync(await App.SignInAsync("qiumeiling"), "毅阳社区", 3);
        await ReportAsync(await App.SignInAsync("zhaoxia", Password), "朝阳社区", 1);
        await App.DeliverAsync();

        var chaoyang = await App.SignInAsync("chaoyangadmin", Password);
        var theirs = await chaoyang.DeliveriesAsync();
        Assert.NotEmpty(theirs.Deliveries.Items);
        Assert.All(theirs.Deliveries.Items, d => Assert.Equal("许静", d.RecipientName));
        var landian = (await district.DeliveriesAsync()).Deliveries.Items.Where(d => d.RecipientName == "陈立婷").ToList();
        Assert.NotEmpty(landian);
        foreach (var delivery in landian)
        {
            await (await chaoyang.GetAsync($"/api/v1/admin/notification-deliveries/{delivery.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await chaoyang.TryRetryAsync(delivery.Id)).ShouldBeProblem(HttpStatusCode.NotFound);
        }

        var page = await (await (await App.SignInToPagesAsync("chaoyangadmin", Password)).GetAsync("/Notifications/Deliveries")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("许静", page);
        Assert.DoesNotContain("陈立婷", page);
        await (await (await App.SignInToPagesAsync("chaoyangadmin", Password)).GetAsync($"/Notifications/Deliveries/{landian[0].Id}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Texts_to_residents_are_in_the_log_under_the_masked_phone_for_the_administrators_of_the_place()
    {
        var resident = await App.SignInResidentAsync("13912345678");
        var number = (await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)))).Number;
        var qiu = await App.SignInAsync("qiumeiling");
        var id = await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());
        await qiu.ActAsync(await qiu.ActAsync(await qiu.GetEventAsync(id), EventAction.Accept), EventAction.Close, "已劝说拆除");
        await App.DeliverAsync();

        var district = await App.SignInAsync("admin");
        var sms = Assert.Single((await district.DeliveriesAsync("?channel=sms")).Deliveries.Items, d => d.Kind == NotificationKind.ResidentProgress);
        Assert.Equal(("139****5678", number, DeliveryStatus.Sent), (sms.RecipientName, sms.EventNumber, sms.Status));
        Assert.Equal("139****5678", (await district.DeliveryAsync(sms.Id)).Delivery.RecipientName);
        Assert.Contains("139****5678", await (await (await App.SignInToPagesAsync("admin")).GetAsync("/Notifications/Deliveries")).ShouldBePage(HttpStatusCode.OK));

        await district.CreateAccountAsync("chaoyangadmin", "Administrator", await UnitAsync("朝阳街道"), Password, "朝阳管理员");
        var chaoyang = await App.SignInAsync("chaoyangadmin", Password);
        Assert.DoesNotContain((await chaoyang.DeliveriesAsync()).Deliveries.Items, d => d.Kind == NotificationKind.ResidentProgress);
        await (await chaoyang.GetAsync($"/api/v1/admin/notification-deliveries/{sms.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Notices_texted_to_residents_are_in_the_log_of_the_administrators_of_their_home_grid()
    {
        var resident = await App.SignInResidentAsync("13912345678");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 3));
        await (await App.SignInAsync("qiumeiling")).SendNoticeAsync(await GridAsync("毅阳社区", 3), App.Clock.GetUtcNow().UtcDateTime.AddDays(3));
        await App.DeliverAsync();

        var district = await App.SignInAsync("admin");
        var sms = Assert.Single((await district.DeliveriesAsync("?channel=sms")).Deliveries.Items, d => d.Kind == NotificationKind.ResidentNotice);
        Assert.Equal(("139****5678", DeliveryStatus.Sent), (sms.RecipientName, sms.Status));

        await district.CreateAccountAsync("chaoyangadmin", "Administrator", await UnitAsync("朝阳街道"), Password, "朝阳管理员");
        var chaoyang = await App.SignInAsync("chaoyangadmin", Password);
        await (await chaoyang.GetAsync($"/api/v1/admin/notification-deliveries/{sms.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task People_who_are_not_administrators_are_refused_the_delivery_log()
    {
        await ReportAsync(await App.SignInAsync("qiumeiling"), "毅阳社区", 3);
        var delivery = await App.QueryAsync(db => db.NotificationDeliveries.Select(d => d.Id).FirstAsync());

        foreach (var name in new[] { "chenliting", "wangjun", "liming" })
        {
            var api = await App.SignInAsync(name);
            await (await api.TryDeliveriesAsync()).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await api.TryRetryAsync(delivery)).ShouldBeProblem(HttpStatusCode.Forbidden);
            var pages = await App.SignInToPagesAsync(name);
            await (await pages.GetAsync("/Notifications/Deliveries")).ShouldBeForbiddenPage();
            await (await pages.GetAsync($"/Notifications/Deliveries/{delivery}")).ShouldBeForbiddenPage();
        }
    }

    [Fact]
    public async Task Unknown_filters_are_refused_with_problem_details_and_the_page_says_why()
    {
        var admin = await App.SignInAsync("admin");

        var problem = await (await admin.TryDeliveriesAsync("?status=Lost&channel=Pigeon")).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
        await (await admin.TryDeliveriesAsync("?status=3")).ShouldBeProblem(HttpStatusCode.BadRequest);

        var page = await (await (await App.SignInToPagesAsync("admin")).GetAsync("/Notifications/Deliveries?status=Lost")).ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("data-testid=\"form-errors\"", page);
        Assert.Contains("无效的选项", page);
    }

    [Fact]
    public async Task The_log_filters_by_channel_and_status_newest_first()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        await ReportAsync(qiu, "毅阳社区", 3, "较早的事件");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(qiu, "毅阳社区", 3, "较晚的事件");
        await App.DeliverAsync();
        var admin = await App.SignInAsync("admin");

        var sms = await admin.DeliveriesAsync("?channel=sms");
        Assert.Equal(2, sms.Deliveries.Total);
        Assert.All(sms.Deliveries.Items, d => Assert.Equal((NotificationChannel.Sms, DeliveryStatus.Sent), (d.Channel, d.Status)));
        Assert.True(sms.Deliveries.Items[0].CreatedAt > sms.Deliveries.Items[1].CreatedAt);
        var inApp = await admin.DeliveriesAsync("?channel=inapp&status=sent&pageSize=1");
        Assert.Equal(2, inApp.Deliveries.Total);
        Assert.Single(inApp.Deliveries.Items);
        Assert.Equal(0, (await admin.DeliveriesAsync("?status=Pending")).Deliveries.Total);
    }

    [Fact]
    public async Task The_page_marks_failed_deliveries_shows_their_attempts_and_sends_one_again()
    {
        var provider = new StandInGateway { Refuse = true };
        await using var instance = App.SendingThrough(provider);
        await ReportAsync(await App.SignInAsync("qiumeiling"), "毅阳社区", 3);
        await instance.DeliverAsync();
        var failed = await App.QueryAsync(db => db.NotificationDeliveries.SingleAsync(d => d.Status == DeliveryStatus.Failed));

        var admin = await instance.SignInToPagesAsync("admin");
        var list = await (await admin.GetAsync("/Notifications/Deliveries")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"failed-count\"", list);
        Assert.Contains($"class=\"failed\" data-testid=\"delivery\" data-delivery-id=\"{failed.Id}\"", list);
        Assert.Contains("data-testid=\"nav-deliveries\"", list);
        var detail = await (await admin.GetAsync($"/Notifications/Deliveries/{failed.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("invalid phone number", detail);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(detail, "data-testid=\"attempt\""));

        provider.Refuse = false;
        var retried = await admin.PostFormAsync("/Notifications/Deliveries", $"/Notifications/Deliveries?handler=Retry&id={failed.Id}", new());
        await retried.ShouldBe(HttpStatusCode.Redirect);
        await instance.DeliverAsync();

        var after = await App.QueryAsync(db => db.NotificationDeliveries.SingleAsync(d => d.Id == failed.Id));
        Assert.Equal((DeliveryStatus.Sent, 2), (after.Status, after.Attempts));
        var again = await (await admin.GetAsync("/Notifications/Deliveries")).ShouldBePage(HttpStatusCode.OK);
        Assert.DoesNotContain("data-testid=\"failed-count\"", again);
    }

    private async Task ReportAsync(HttpClient reporter, string community, int grid, string title = "绿地私搭停车棚") =>
        await reporter.ReportAsync(EventsClient.Report(await SpotInGridAsync(community, grid), title: title));
}

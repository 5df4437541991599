using System.Net;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Events;

/// <summary>The centre's queue is for those who may dispatch; others get the forbidden page.</summary>
public sealed class QueuePageTests : AppTest
{
    [Fact]
    public async Task A_centre_dispatcher_opens_the_queue_from_the_navigation()
    {
        var dispatcher = await App.SignInToPagesAsync("wangjun");

        var queue = await dispatcher.GetAsync("/Dispatch/Queue");

        await queue.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("href=\"/Dispatch/Queue\"", await queue.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_grid_worker_or_a_department_gets_the_forbidden_page_and_no_queue_link()
    {
        foreach (var userName in new[] { "qiumeiling", "liuqiang" })
        {
            var someone = await App.SignInToPagesAsync(userName);

            var page = await (await someone.GetAsync("/Dispatch/Queue")).ShouldBeForbiddenPage();

            Assert.DoesNotContain("href=\"/Dispatch/Queue\"", page);
        }
    }

    [Fact]
    public async Task The_district_centre_sees_the_unplaced_queue_apart()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var unplaced = await qiu.ReportAsync(EventsClient.Report(new Spot(24.6, 117.8), title: "远处的事件"));
        var placed = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "网格里的事件"));
        var dispatcher = await App.SignInToPagesAsync("zhanghui");

        var page = await (await dispatcher.GetAsync("/Dispatch/Queue?unplaced=true")).Content.ReadAsStringAsync();

        Assert.Contains(unplaced.Number, page);
        Assert.Contains("未落格", page);
        Assert.DoesNotContain(placed.Number, page);
    }
}

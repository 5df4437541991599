using System.Globalization;
using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Reports;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>"Someone reported this already — follow it?": the same problem nearby is offered, and followed instead of reported twice.</summary>
public sealed class SameProblemTests : AppTest
{
    [Fact]
    public async Task Open_reports_of_the_same_kind_nearby_are_offered_without_another_residents_words()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var first = await (await App.SignInResidentAsync("13912345678")).ResidentReportAsync(ResidentsClient.ResidentReport(spot, "我家楼下3栋502门口绿地被占"));

        var offered = await (await App.CreateClient().GetAsync(NearbyUrl(spot, 1))).ShouldBe<List<NearbyReport>>(HttpStatusCode.OK);
        var json = await (await App.CreateClient().GetAsync(NearbyUrl(spot, 1))).Content.ReadAsStringAsync();

        Assert.Equal(first.Number, Assert.Single(offered).Number);
        Assert.DoesNotContain("502", json);
        Assert.DoesNotContain("1391234", json);
        Assert.Empty(await (await App.CreateClient().GetAsync(NearbyUrl(spot, 2))).ShouldBe<List<NearbyReport>>(HttpStatusCode.OK));
        Assert.Empty(await (await App.CreateClient().GetAsync(NearbyUrl(new Spot(39.9, 116.4), 1))).ShouldBe<List<NearbyReport>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Following_puts_the_report_in_my_reports_without_the_right_to_rate_it()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var number = (await (await App.SignInResidentAsync("13912345678")).ResidentReportAsync(ResidentsClient.ResidentReport(spot))).Number;
        var neighbour = await App.SignInResidentAsync("13700000001");

        await (await neighbour.PostAsync($"/api/v1/resident/reports/{number}/follow", null)).ShouldBe(HttpStatusCode.NoContent);
        await (await neighbour.PostAsync($"/api/v1/resident/reports/{number}/follow", null)).ShouldBe(HttpStatusCode.NoContent);

        var mine = await (await neighbour.GetAsync("/api/v1/resident/reports/mine")).ShouldBe<List<MyReportItem>>(HttpStatusCode.OK);
        Assert.True(Assert.Single(mine).Following);
        var qiu = await App.SignInAsync("qiumeiling");
        var id = await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());
        var e = await qiu.ActAsync(await qiu.GetEventAsync(id), EventAction.Accept);
        await qiu.ActAsync(e, EventAction.Close, "已处理");

        Assert.False((await neighbour.MyReportAsync(number)).MayRate);
        await (await neighbour.TryRateAsync(number, "Satisfied")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await neighbour.PostAsync($"/api/v1/resident/reports/{number}/follow", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    private static string NearbyUrl(Spot at, int categoryId) => string.Create(
        CultureInfo.InvariantCulture, $"/api/v1/resident/nearby?latitude={at.Latitude}&longitude={at.Longitude}&categoryId={categoryId}");
}

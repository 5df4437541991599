using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>A resident follows their own reports: status in plain words, the public steps, and a rating once closed.</summary>
public sealed class MyReportsTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task The_public_timeline_names_the_offices_that_have_the_job_never_the_people_or_their_notes()
    {
        var (resident, number) = await ReportAsync();
        var id = await IdOfAsync(number);
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ActAsync(await qiu.GetEventAsync(id), EventAction.Escalate, "老陈不听劝，内部备注：此人有前科");
        var chen = await App.SignInAsync("chenliting");
        e = await chen.ActAsync(await chen.GetEventAsync(id), EventAction.Escalate, "社区协调无果");
        var wang = await App.SignInAsync("wangjun");
        await wang.ActAsync(await wang.GetEventAsync(id), EventAction.Dispatch, "请城管办处理", target: await UnitAsync("蓝田街道城管办"));

        var report = await resident.MyReportAsync(number);
        var json = await (await resident.GetAsync($"/api/v1/resident/reports/mine/{number}")).Content.ReadAsStringAsync();

        Assert.Equal(EventStatus.Dispatched, report.Status);
        Assert.Equal([EventAction.Report, EventAction.Escalate, EventAction.Escalate, EventAction.Dispatch], report.Steps.Select(s => s.Action));
        Assert.Equal("蓝田街道城管办", report.Steps[^1].UnitName);
        foreach (var secret in new[] { "邱美灵", "陈立婷", "内部备注", "前科", "社区协调无果", "请城管办处理" })
        {
            Assert.DoesNotContain(secret, json);
        }
    }

    [Fact]
    public async Task Another_resident_cannot_see_or_rate_my_report()
    {
        var (_, number) = await ReportAsync();
        var other = await App.SignInResidentAsync("13700000001");

        await (await other.GetAsync($"/api/v1/resident/reports/mine/{number}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await other.TryRateAsync(number, "Unsatisfied")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(number, await (await other.GetAsync("/api/v1/resident/reports/mine")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_report_is_rated_once_it_is_closed_and_only_once()
    {
        var (resident, number) = await ReportAsync();
        await (await resident.TryRateAsync(number, "Satisfied")).ShouldBeProblem(HttpStatusCode.Conflict);

        await CloseAsync(number);
        await (await resident.TryRateAsync(number, "BasicallySatisfied", "处理得还行")).ShouldBe(HttpStatusCode.NoContent);

        var report = await resident.MyReportAsync(number);
        Assert.Equal(EventStatus.Evaluated, report.Status);
        Assert.Equal(Satisfaction.BasicallySatisfied, report.Satisfaction);
        Assert.Equal(EventAction.Evaluate, report.Steps[^1].Action);
        Assert.Null(await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.ReviewRequestedAt).SingleAsync()));
        await (await resident.TryRateAsync(number, "Satisfied")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unsatisfied_rating_asks_the_governance_centre_to_review()
    {
        var (resident, number) = await ReportAsync();
        await CloseAsync(number);

        await (await resident.TryRateAsync(number, "Unsatisfied", "棚子只拆了一半")).ShouldBe(HttpStatusCode.NoContent);

        var e = await App.QueryAsync(db => db.Events.SingleAsync(x => x.Number == number));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, e.ReviewRequestedAt);
        Assert.Equal("棚子只拆了一半", e.EvaluationComment);
    }

    [Fact]
    public async Task My_photos_reach_me_without_the_position_inside_them_and_reach_no_one_else()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var receipt = await resident.ResidentReportAsync(ResidentsClient.ResidentReport(spot), ("shed.jpg", Images.PhotoTakenAt(spot.Latitude, spot.Longitude)));
        var photo = Assert.Single((await resident.MyReportAsync(receipt.Number)).BeforePhotos);

        var response = await resident.GetAsync($"/api/v1/resident/photos/{photo}");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        await using (var copy = await response.Content.ReadAsStreamAsync())
        {
            Assert.Null(CivicGrid.Web.Events.Attachments.ImageInspector.ReadGps(copy));
        }

        var other = await App.SignInResidentAsync("13700000001");
        await (await other.GetAsync($"/api/v1/resident/photos/{photo}")).ShouldBe(HttpStatusCode.NotFound);
        await (await App.CreateClient().GetAsync($"/api/v1/resident/photos/{photo}")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Delighted")]
    [InlineData("")]
    public async Task A_rating_that_is_not_one_of_the_three_is_refused_and_changes_nothing(string satisfaction)
    {
        var (resident, number) = await ReportAsync();
        await CloseAsync(number);

        var response = await resident.TryRateAsync(number, satisfaction);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EventStatus.Closed, await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Status).SingleAsync()));
    }

    private async Task<(HttpClient Resident, string Number)> ReportAsync()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var receipt = await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)));
        return (resident, receipt.Number);
    }

    /// <summary>The grid worker takes it on and closes it: the shortest road to a closed report.</summary>
    private async Task CloseAsync(string number)
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ActAsync(await qiu.GetEventAsync(await IdOfAsync(number)), EventAction.Accept);
        await qiu.ActAsync(e, EventAction.Close, "已劝说拆除");
    }

    private Task<long> IdOfAsync(string number) => App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());
}

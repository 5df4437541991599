using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>The A4 monthly summary shows the dashboard's figures for the month, compared with the month before.</summary>
public sealed class SummaryPageTests : IAsyncLifetime
{
    private CivicGridFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task The_summary_of_a_month_shows_the_dashboards_totals_for_that_month()
    {
        await ReportSomeAsync();
        var report = await (await App.SignInAsync("chenliting")).IndicatorsAsync("from=2026-11-01&to=2026-11-30");

        var page = await (await (await App.SignInToPagesAsync("chenliting")).GetAsync("/Indicators/Summary?month=2026-11")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(3, report.Totals.Received);
        foreach (var figure in SummaryModel.Figures.Where(f => !f.IsShare))
        {
            Assert.Equal(((int)figure.Value(report.Totals)!.Value).ToString(), Cell(page, $"summary-{figure.Name}"));
            // October had nothing: the change is the whole figure.
            Assert.Equal("0", Cell(page, $"summary-previous-{figure.Name}"));
        }

        Assert.Equal("+3", Cell(page, "summary-change-Received"));
        Assert.Equal(report.OverdueNow.ToString(), Cell(page, "summary-OverdueNow"));
        Assert.Contains("毅阳社区 2026-11", page);
        Assert.Contains("data-testid=\"summary-by-place\"", page);
        Assert.Contains("data-testid=\"summary-printed-at\"", page);
        Assert.Contains("/css/indicators-summary", page);
        Assert.Contains("data-print", page);
    }

    [Fact]
    public async Task The_summary_defaults_to_the_last_full_month()
    {
        await ReportSomeAsync();

        var page = await (await (await App.SignInToPagesAsync("chenliting")).GetAsync("/Indicators/Summary")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("value=\"2026-10\"", page);
        Assert.Equal("0", Cell(page, "summary-Received"));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("November")]
    [InlineData("2027-01")]
    public async Task A_month_that_is_not_one_or_has_not_begun_gets_a_readable_message(string month)
    {
        var page = await (await (await App.SignInToPagesAsync("chenliting")).GetAsync($"/Indicators/Summary?month={month}")).ShouldBePage(HttpStatusCode.BadRequest);

        Assert.Contains(month, Cell(page, "summary-refusal"));
        Assert.DoesNotContain("data-testid=\"summary\"", page);
    }

    [Fact]
    public async Task Another_communitys_summary_does_not_exist_for_a_community_head()
    {
        var tanlin = await App.IdOfUnitAsync("檀林社区");

        await (await (await App.SignInToPagesAsync("chenliting")).GetAsync($"/Indicators/Summary?unitId={tanlin}&month=2026-11")).ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Cell(string page, string testId)
    {
        var match = Regex.Match(page, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No {testId} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    /// <summary>毅阳社区 in November: one event accepted and closed, one open, one solved on the spot.</summary>
    private async Task ReportSomeAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var qiu = await App.SignInAsync("qiumeiling");
        var grid = await App.SpotInGridAsync(await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync()));

        await chen.ActAsync(await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(grid)), EventAction.Accept), EventAction.Close, note: "已处理");
        await chen.ReportAsync(EventsClient.Report(grid, title: "路灯不亮"));
        await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(grid, title: "楼道杂物", description: "已劝说住户清理楼道杂物")))
            .ShouldBe<EventDetail>(HttpStatusCode.Created);
    }
}

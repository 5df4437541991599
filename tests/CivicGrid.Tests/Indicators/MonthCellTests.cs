using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Indicators;
using CivicGrid.Web.Indicators.Cells;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>
/// A dashboard reads the months its period covers whole from the stored cells and the days at
/// either end from the outcome rows (decision 0018): the figures are the same either way, a
/// change to an old event counts at once in its month, and folding the cells changes nothing.
/// </summary>
public sealed class MonthCellTests : AppTest
{
    private const string November = "from=2026-11-01&to=2026-11-30";

    [Fact]
    public async Task A_change_to_an_event_of_a_past_month_counts_in_that_month_at_once()
    {
        var chen = await App.SignInAsync("chenliting");
        var late = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1))), EventAction.Accept);
        App.Clock.Advance(TimeSpan.FromDays(40));
        chen = await App.SignInAsync("chenliting");
        var before = (await chen.IndicatorsAsync(November)).Totals;
        var folded = await App.QueryAsync(db => new CellCompaction(db).RunAsync(FoldedUpTo.Nothing, CancellationToken.None));

        var centre = await App.SignInAsync("wangjun");
        await centre.IssueAsync(late.Id, "请尽快处理", App.Clock.GetUtcNow().AddDays(1));
        var supervised = (await chen.IndicatorsAsync(November)).Totals;
        await chen.ActAsync(await chen.GetEventAsync(late.Id), EventAction.Close, note: "已处理");
        var closed = (await chen.IndicatorsAsync(November)).Totals;

        Assert.Equal((before.Received, before.Supervised + 1, before.Orders.Issued + 1), (supervised.Received, supervised.Supervised, supervised.Orders.Issued));
        Assert.Equal((before.Closed + 1, before.ClosedInPeriod), (closed.Closed, closed.ClosedInPeriod));
        Assert.Equal(1, (await chen.IndicatorsAsync("from=2027-01-01&to=2027-01-02")).Totals.ClosedInPeriod);
        foreach (var indicator in new[] { Indicator.Received, Indicator.Closed, Indicator.Supervised, Indicator.ClosedInPeriod })
        {
            Assert.Equal(closed.CountOf(indicator), (await chen.DrillAsync($"{November}&indicator={indicator}")).Count);
        }

        // The fold after the changes takes the unit-months they wrote to, and leaves one row per key.
        await App.QueryAsync(db => new CellCompaction(db).RunAsync(folded, CancellationToken.None));
        Assert.Equal(closed, (await chen.IndicatorsAsync(November)).Totals);
        Assert.Equal(0, await RepeatedKeysAsync());
    }

    [Fact]
    public async Task The_platform_folds_the_cells_by_itself_every_minute_once_started()
    {
        await using var instance = App.WithWebHostBuilder(host => host.UseSetting("Indicators:FoldCellsInBackground", "true"));
        _ = instance.Services; // started: its first fold finds nothing repeated, then it waits for the clock
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1))), EventAction.Accept);
        await chen.ActAsync(e, EventAction.Close, note: "已处理");

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var attempt = 0; attempt < 100 && await RepeatedKeysAsync() > 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await RepeatedKeysAsync());
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-30")]
    [InlineData("2026-11-10", "2027-01-05")]
    [InlineData("2026-10-15", "2026-12-20")]
    [InlineData("2026-11-23", "2026-11-29")]
    [InlineData("2026-12-01", "2026-12-31")]
    [InlineData("2026-12-01", "2027-01-06")]
    public async Task Whole_months_and_cut_ones_count_what_the_events_behind_them_are(string from, string to)
    {
        await PlantThreeMonthsAsync();
        var chen = await App.SignInAsync("chenliting");
        var period = $"from={from}&to={to}";

        var report = await chen.IndicatorsAsync(period);

        Assert.True(report.Totals.Received > 0);
        foreach (var indicator in Enum.GetValues<Indicator>().Where(i => i != Indicator.OverdueNow))
        {
            Assert.Equal(report.Totals.CountOf(indicator), (await chen.DrillAsync($"{period}&indicator={indicator}")).Count);
        }

        foreach (var row in report.Trend.Concat(report.ByPlace))
        {
            var by = report.Trend.Contains(row) ? Breakdown.Trend : Breakdown.Place;
            Assert.Equal(row.Figures.Received, (await chen.DrillAsync($"{period}&indicator=Received&by={by}&key={row.Key}")).Count);
            Assert.Equal(row.Figures.ClosedInPeriod, (await chen.DrillAsync($"{period}&indicator=ClosedInPeriod&by={by}&key={row.Key}")).Count);
        }

        var map = await (await chen.GetAsync($"/api/v1/indicators/map?{period}")).ShouldBe<HeatOnly>(HttpStatusCode.OK);
        Assert.Equal(report.Totals.Received, map.Heat.Sum(h => h.Count));
        Assert.Equal(
            report.ByPlace.Where(r => r.Figures.Received > 0).Select(r => (r.Key, r.Figures.Received)).OrderBy(r => r.Key),
            map.Grids.Where(g => g.Received > 0).Select(g => ((int?)g.Id, g.Received)).OrderBy(g => g.Item1));
        Assert.Equal(await WholeTimesAsync(DateOnly.Parse(from), DateOnly.Parse(to)), report.StepTimes.Single(s => s.Step == EventStep.None) is var t ? (t.Events, t.AverageMinutes, t.MedianMinutes) : default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(1439)]
    public void A_step_time_under_a_day_is_its_own_bucket(int minutes) =>
        Assert.Equal(minutes, StepBuckets.Middle(StepBuckets.Of(minutes)));

    [Theory]
    [InlineData(1440)]
    [InlineData(2000)]
    [InlineData(4321)]
    [InlineData(43_210)]
    [InlineData(525_600)]
    public void A_longer_step_time_stands_within_one_percent(int minutes) =>
        Assert.InRange(StepBuckets.Middle(StepBuckets.Of(minutes)), minutes * 0.99, minutes * 1.01);

    /// <summary>
    /// Events in 毅阳社区 over November to January: some closed within hours, some after days (so
    /// their times fall in the 2 % buckets), one voided, one rated, and one closed a month later.
    /// </summary>
    private async Task PlantThreeMonthsAsync()
    {
        var spots = new[] { await SpotInGridAsync("毅阳社区", 1), await SpotInGridAsync("毅阳社区", 3) };
        var start = App.Clock.GetUtcNow();
        long? carried = null;
        foreach (var (day, n) in new[] { 0, 9, 13, 17, 24, 30, 44 }.Select((day, n) => (day, n)))
        {
            App.Clock.SetUtcNow(start.AddDays(day));
            var chen = await App.SignInAsync("chenliting");
            var quick = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spots[n % 2], categoryId: 9)), EventAction.Accept);
            var slow = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spots[(n + 1) % 2])), EventAction.Accept);
            App.Clock.Advance(TimeSpan.FromMinutes(40 + 15 * n));
            quick = await chen.ActAsync(quick, EventAction.Close, note: "已处理");
            if (n % 3 == 0)
            {
                await chen.ActAsync(quick, EventAction.Evaluate, satisfaction: Satisfaction.Satisfied);
            }

            if (n == 4)
            {
                await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(spots[0])), EventAction.Void, note: "误报");
            }

            if (carried is { } id)
            {
                await chen.ActAsync(await chen.GetEventAsync(id), EventAction.Close, note: "已处理");
            }

            carried = slow.Id;
        }
    }

    private sealed record HeatOnly(List<GridCount> Grids, List<HeatCell> Heat);

    private sealed record GridCount(int Id, int Received);

    /// <summary>How many keys of the cells, step counts and squares are stored in more than one row (not yet folded).</summary>
    private Task<int> RepeatedKeysAsync() => App.QueryAsync(async db =>
        await db.UnitCells.GroupBy(c => new { c.UnitId, c.Cohort, c.Month, c.Week, c.CategoryId, c.Source, c.PlaceId }).Where(g => g.Count() > 1).CountAsync()
        + await db.UnitSteps.GroupBy(s => new { s.UnitId, s.Month, s.Step, s.Bucket }).Where(g => g.Count() > 1).CountAsync()
        + await db.UnitSquares.GroupBy(s => new { s.UnitId, s.Month, s.Latitude, s.Longitude }).Where(g => g.Count() > 1).CountAsync());

    /// <summary>The whole times of the community's events closed in the period, as docs/indicators.md defines them: exact mean, median of the bucketed minutes.</summary>
    private async Task<(int, double?, double?)> WholeTimesAsync(DateOnly from, DateOnly to)
    {
        var path = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Name == "毅阳社区").Select(u => u.Path).SingleAsync());
        var (first, last) = (int.Parse(from.ToString("yyyyMMdd")), int.Parse(to.ToString("yyyyMMdd")));
        var minutes = await App.QueryAsync(db => db.EventOutcomes
            .Where(o => o.PlacePath.StartsWith(path) && !o.Excluded && o.ClosedDay >= first && o.ClosedDay <= last && o.TotalMinutes != null)
            .Select(o => o.TotalMinutes!.Value).ToListAsync());
        if (minutes.Count == 0)
        {
            return (0, null, null);
        }

        var middles = minutes.Select(m => StepBuckets.Middle(StepBuckets.Of(m))).Order().ToList();
        var median = minutes.Count % 2 == 1 ? middles[minutes.Count / 2] : (middles[minutes.Count / 2 - 1] + middles[minutes.Count / 2]) / 2;
        return (minutes.Count, Math.Round(minutes.Average(), 1), median);
    }
}

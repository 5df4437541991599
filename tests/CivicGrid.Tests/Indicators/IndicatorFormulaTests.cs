using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Residents.Callbacks;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>
/// Each indicator of docs/indicators.md on a small week of events in 毅阳社区 whose answers are
/// worked out by hand below; the events behind every number are as many as the number; and each
/// caller sees only the units in their reach.
/// </summary>
public sealed class IndicatorFormulaTests : IAsyncLifetime
{
    private const string Week = "from=2026-11-23&to=2026-11-29";

    /// <summary>Every closed event with a number to call is sampled for a callback.</summary>
    private CivicGridFactory App { get; } = new() { Settings = { ["Residents:Callback:SampleShare"] = "1" } };

    private long _a, _b, _d, _e, _f;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task A_communitys_week_counts_each_indicator_as_defined()
    {
        await BuildAWeekAsync();
        var chen = await App.SignInAsync("chenliting");

        var report = await chen.IndicatorsAsync(Week);
        var t = report.Totals;

        Assert.Equal(("毅阳社区", "week"), (report.Unit.Name, report.TrendBy));
        // C was voided: received A, B, D, E, F; taken on A, B (立案), E (自行处置), F; D waits.
        Assert.Equal((5, 4), (t.Received, t.Accepted));
        // Closed A, B, E, F of 5; F passed its handling deadline before it closed.
        Assert.Equal((4, 0.8), (t.Closed, t.ClosureRate));
        Assert.Equal((3, 0.75), (t.ClosedOnTime, t.OnTimeRate));
        Assert.Equal((1, 0.2), (t.SolvedOnSpot, t.SolvedOnSpotShare));
        // B alone was dispatched; returned once, reworked once after its first feedback.
        Assert.Equal((1, 1, 1.0), (t.Dispatched, t.Returned, t.ReturnRate));
        Assert.Equal((1, 1, 1.0), (t.ReachedVerification, t.Reworked, t.ReworkRate));
        // Rated: A 满意, B 不满意, F 基本满意; E never rated. The callback reached A's reporter, satisfied.
        Assert.Equal((3, 2, 0.6667), (t.Rated, t.RatedSatisfied, t.SatisfactionRate));
        Assert.Equal((1, 1, 1.0), (t.CallbacksReached, t.CallbacksSatisfied, t.CallbackSatisfactionRate));
        // One order on F, answered on time.
        Assert.Equal((1, 0, 0.0), (t.Supervised, t.SupervisionLate, t.SupervisionLateShare));
        Assert.Equal(new SupervisionFigures(1, 1, 0, 0, 0), t.Orders);
        // Closed within the week: A, B and E on the 23rd (F only on 8 December).
        Assert.Equal(3, t.ClosedInPeriod);
        // D still waits to be taken on, long past its deadline.
        Assert.Equal(1, report.OverdueNow);

        // Minutes of A (accept 30, handle 120, total 150), B (accept 0, dispatch 0, sign for 60+30,
        // handle 60+60, verify 30+30, total 270) and E (solved at once, total 0).
        var steps = report.StepTimes.ToDictionary(s => s.Step, s => (s.Events, s.AverageMinutes, s.MedianMinutes));
        Assert.Equal((2, 15.0, 15.0), steps[EventStep.Accept]);
        Assert.Equal((1, 0.0, 0.0), steps[EventStep.Dispatch]);
        Assert.Equal((1, 90.0, 90.0), steps[EventStep.SignFor]);
        Assert.Equal((2, 120.0, 120.0), steps[EventStep.Handle]);
        Assert.Equal((1, 60.0, 60.0), steps[EventStep.Verify]);
        Assert.Equal((3, 140.0, 150.0), steps[EventStep.None]);
    }

    [Fact]
    public async Task Breakdowns_add_up_to_the_totals()
    {
        await BuildAWeekAsync();
        var chen = await App.SignInAsync("chenliting");

        var report = await chen.IndicatorsAsync(Week);

        Assert.Equal([(9, 1), (1, 4)], report.ByCategory.Select(r => (r.Key!.Value, r.Figures.Received)).OrderByDescending(r => r.Item1));
        Assert.Equal(3, report.BySource.Single(r => r.Key == (int)EventSource.Hotline).Figures.Received);
        Assert.Equal(5, report.BySource.Sum(r => r.Figures.Received));
        var grid1 = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第1网格").Select(u => u.Id).SingleAsync());
        var grid3 = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        Assert.Equal([(grid1, "第1网格", 3, 1), (grid3, "第3网格", 2, 2)], report.ByPlace.Select(r => (r.Key!.Value, r.Label, r.Figures.Received, r.Figures.ClosedInPeriod)));
        Assert.Equal([(20261123, "2026-11-23", 5, 3)], report.Trend.Select(r => (r.Key!.Value, r.Label, r.Figures.Received, r.Figures.ClosedInPeriod)));
    }

    [Fact]
    public async Task The_events_behind_every_number_are_as_many_as_the_number()
    {
        await BuildAWeekAsync();
        var chen = await App.SignInAsync("chenliting");
        var report = await chen.IndicatorsAsync(Week);

        foreach (var indicator in Enum.GetValues<Indicator>().Where(i => i != Indicator.OverdueNow))
        {
            var events = await chen.DrillAsync($"{Week}&indicator={indicator}");
            Assert.Equal(report.Totals.CountOf(indicator), events.Count);
            foreach (var (by, rows) in new[] { (Breakdown.Category, report.ByCategory), (Breakdown.Source, report.BySource), (Breakdown.Place, report.ByPlace), (Breakdown.Trend, report.Trend) })
            {
                foreach (var row in rows)
                {
                    var cell = await chen.DrillAsync($"{Week}&indicator={indicator}&by={by}&key={row.Key}");
                    Assert.Equal(row.Figures.CountOf(indicator), cell.Count);
                }
            }
        }

        Assert.Equal([_a, _b, _d, _e, _f], (await chen.DrillAsync($"{Week}&indicator=Received")).Select(e => e.Id).Order());
        Assert.Equal([_a, _b, _e], (await chen.DrillAsync($"{Week}&indicator=ClosedOnTime")).Select(e => e.Id).Order());
        Assert.Equal([_d], (await chen.DrillAsync($"{Week}&indicator=OverdueNow")).Select(e => e.Id));
    }

    [Fact]
    public async Task A_department_counts_the_events_it_led()
    {
        await BuildAWeekAsync();

        var chengguan = await (await App.SignInAsync("liuqiang")).IndicatorsAsync(Week);
        var market = await (await App.SignInAsync("wuhong")).IndicatorsAsync(Week);

        Assert.Equal("蓝田街道城管办", chengguan.Unit.Name);
        Assert.Equal((1, 1, 1, 1, 1), (chengguan.Totals.Received, chengguan.Totals.Closed, chengguan.Totals.Reworked, chengguan.Totals.Returned, chengguan.Totals.ClosedInPeriod));
        Assert.Equal(0, chengguan.OverdueNow);
        // It returned B; the department that then led B answers for it.
        Assert.Equal(0, market.Totals.Received);
    }

    [Fact]
    public async Task A_street_and_the_district_hold_the_community_and_other_places_hold_none_of_it()
    {
        await BuildAWeekAsync();

        var street = await (await App.SignInAsync("wangjun")).IndicatorsAsync(Week);
        var district = await (await App.SignInAsync("zhanghui")).IndicatorsAsync(Week);
        var leader = await (await App.SignInAsync("liming")).IndicatorsAsync(Week);
        var tanlin = await (await App.SignInAsync("huangyan")).IndicatorsAsync(Week);

        Assert.Equal(("蓝田街道", 5), (street.Unit.Name, street.Totals.Received));
        Assert.Equal(5, street.ByPlace.Single(r => r.Label == "毅阳社区").Figures.Received);
        Assert.Equal(5, district.Totals.Received);
        Assert.Equal((district.Unit, 5), (leader.Unit, leader.Totals.Received));
        Assert.Equal(5, district.ByPlace.Single(r => r.Label == "蓝田街道").Figures.Received);
        Assert.Equal((0, 0, (double?)null), (tanlin.Totals.Received, tanlin.OverdueNow, tanlin.Totals.ClosureRate));
    }

    [Fact]
    public async Task A_community_head_sees_only_their_community_and_a_department_only_itself()
    {
        var chen = await App.SignInAsync("chenliting");
        var chengguan = await App.SignInAsync("liuqiang");
        var tanlin = await App.IdOfUnitAsync("檀林社区");
        var street = await App.IdOfUnitAsync("蓝田街道");
        var grid1 = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第1网格").Select(u => u.Id).SingleAsync());
        var market = await App.IdOfUnitAsync("蓝田市场监管所");

        await (await chen.TryIndicatorsAsync($"unitId={tanlin}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryIndicatorsAsync($"unitId={street}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.GetAsync($"/api/v1/indicators/events?unitId={tanlin}&indicator=Received")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal("第1网格", (await chen.IndicatorsAsync($"unitId={grid1}")).Unit.Name);
        await (await chengguan.TryIndicatorsAsync($"unitId={market}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chengguan.TryIndicatorsAsync($"unitId={grid1}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal("蓝田市场监管所", (await (await App.SignInAsync("wangjun")).IndicatorsAsync($"unitId={market}")).Unit.Name);
        await (await App.CreateClient().TryIndicatorsAsync()).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_period_defaults_to_this_month_and_a_bad_one_is_refused()
    {
        var chen = await App.SignInAsync("chenliting");

        var month = await chen.IndicatorsAsync();

        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 23)), (month.From, month.To));
        Assert.Equal("month", (await chen.IndicatorsAsync("from=2026-01-01&to=2026-11-23")).TrendBy);
        await (await chen.TryIndicatorsAsync("from=2026-11-23&to=2026-11-01")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.TryIndicatorsAsync("from=2020-01-01&to=2026-11-23")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.TryIndicatorsAsync("from=23.11.2026")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.GetAsync($"/api/v1/indicators/events?{Week}&indicator=OverdueNow&by=Category&key=1")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.GetAsync($"/api/v1/indicators/events?{Week}&indicator=Nonsense")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }


    /// <summary>
    /// 毅阳社区 from Monday 23 November, 09:00 Beijing:
    /// A (grid 1, category 9, hotline) accepted at 09:30, closed 11:30, rated 满意, its reporter called back: 满意.
    /// B (grid 3) at 11:30 up to the street centre, registered and dispatched to 市场监管所, returned at 12:30,
    /// dispatched to 城管办, signed for 13:00, feedback 14:00, rework 14:30, feedback 15:30, verified 16:00, rated 不满意.
    /// C voided. D (hotline) at 16:00, never taken on. E solved on the spot in grid 3 at 16:00.
    /// F (hotline) at 16:00, accepted; on 8 December overdue, supervised, answered at once, closed, rated 基本满意.
    /// </summary>
    private async Task BuildAWeekAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var grid1 = await App.SpotInGridAsync(await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第1网格").Select(u => u.Id).SingleAsync()));
        var grid3 = await App.SpotInGridAsync(await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync()));

        var a = await chen.ReportAsync(EventsClient.Report(grid1, categoryId: 9, source: "Hotline"));
        _a = a.Id;
        await App.QueryAsync(db => db.Events.Where(e => e.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReporterPhone, "13912345678")));
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        a = await chen.ActAsync(await chen.GetEventAsync(a.Id), EventAction.Accept);
        App.Clock.Advance(TimeSpan.FromMinutes(120));
        await chen.ActAsync(await chen.ActAsync(a, EventAction.Close, note: "已调解"), EventAction.Evaluate, satisfaction: Satisfaction.Satisfied);

        var b = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(grid3)), EventAction.Escalate, note: "请街道处理");
        _b = b.Id;
        var centre = await App.SignInAsync("wangjun");
        await centre.ActAsync(await centre.ActAsync(await centre.GetEventAsync(b.Id), EventAction.Register), EventAction.Dispatch, target: await App.IdOfUnitAsync("蓝田市场监管所"));
        App.Clock.Advance(TimeSpan.FromMinutes(60));
        var market = await App.SignInAsync("wuhong");
        await market.ActAsync(await market.GetEventAsync(b.Id), EventAction.Return, note: "不属于市场监管职责");
        centre = await App.SignInAsync("wangjun");
        await centre.ActAsync(await centre.GetEventAsync(b.Id), EventAction.Dispatch, target: await App.IdOfUnitAsync("蓝田街道城管办"));
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var chengguan = await App.SignInAsync("liuqiang");
        var signed = await chengguan.ActAsync(await chengguan.GetEventAsync(b.Id), EventAction.SignFor);
        App.Clock.Advance(TimeSpan.FromMinutes(60));
        await chengguan.ActAsync(signed, EventAction.Feedback, note: "已处理");
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ActAsync(await qiu.GetEventAsync(b.Id), EventAction.Rework, note: "车棚仍在");
        App.Clock.Advance(TimeSpan.FromMinutes(60));
        chengguan = await App.SignInAsync("liuqiang");
        await chengguan.ActAsync(await chengguan.GetEventAsync(b.Id), EventAction.Feedback, note: "已拆除");
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        qiu = await App.SignInAsync("qiumeiling");
        await qiu.ActAsync(await qiu.GetEventAsync(b.Id), EventAction.Verify);
        chen = await App.SignInAsync("chenliting");
        await chen.ActAsync(await chen.GetEventAsync(b.Id), EventAction.Evaluate, satisfaction: Satisfaction.Unsatisfied);

        await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(grid1)), EventAction.Void, note: "误报");
        _d = (await chen.ReportAsync(EventsClient.Report(grid1, source: "Hotline"))).Id;
        _e = (await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(grid3, title: "楼道杂物", description: "已劝说住户清理楼道杂物")))
            .ShouldBe<EventDetail>(HttpStatusCode.Created)).Id;
        var f = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(grid1, source: "Hotline")), EventAction.Accept);
        _f = f.Id;

        App.Clock.Advance(TimeSpan.FromDays(15));
        await App.SweepAsync();
        centre = await App.SignInAsync("wangjun");
        var order = await centre.IssueAsync(f.Id, "请尽快处理", App.Clock.GetUtcNow().AddDays(1));
        chen = await App.SignInAsync("chenliting");
        await chen.ReplyAsync(order.Id, "今日处理完毕");
        await chen.ActAsync(await chen.ActAsync(await chen.GetEventAsync(f.Id), EventAction.Close, note: "已处理"), EventAction.Evaluate, satisfaction: Satisfaction.BasicallySatisfied);

        var callback = (await centre.DueCallbacksAsync()).Single(c => c.EventId == _a);
        await centre.RecordAsync(callback.Id, "Reached", "Satisfied");
    }
}

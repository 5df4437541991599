using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using static CivicGrid.Tests.Infrastructure.CalendarClient;

namespace CivicGrid.Tests.Calendar;

/// <summary>
/// A category counted in working time (道路破损: 3 working days to handle) skips weekends and
/// public holidays and counts adjusted working Saturdays; a calendar-time category (噪声扰民:
/// 48 hours) runs through them.
/// </summary>
public sealed class WorkingTimeDeadlineTests : AppTest
{
    private const string RoadDamage = "B0202";
    private const string Noise = "G0401";

    [Fact]
    public async Task A_handle_deadline_started_before_national_day_skips_the_holiday_and_ends_on_the_worked_saturday()
    {
        App.Clock.SetBeijing(2026, 9, 30, 10);

        var handling = await ReportAndAcceptAsync(RoadDamage);

        Assert.True(handling.WorkingTime);
        Assert.Equal(Beijing(2026, 10, 10, 10), handling.StepDeadline);
        // 80% of 72 working hours: 14 h on 9/30, 24 h on 10/8, 19 h 36 min on 10/9.
        Assert.Equal(Beijing(2026, 10, 9, 19, 36), handling.StepWarnAt);
    }

    [Fact]
    public async Task A_handle_deadline_started_on_the_friday_after_national_day_counts_the_worked_saturday()
    {
        App.Clock.SetBeijing(2026, 10, 9, 9);

        var handling = await ReportAndAcceptAsync(RoadDamage);

        Assert.Equal(Beijing(2026, 10, 13, 9), handling.StepDeadline);
    }

    [Fact]
    public async Task A_calendar_time_category_runs_through_the_holiday_as_before()
    {
        App.Clock.SetBeijing(2026, 9, 30, 10);

        var handling = await ReportAndAcceptAsync(Noise);

        Assert.False(handling.WorkingTime);
        Assert.Equal(Beijing(2026, 10, 2, 10), handling.StepDeadline);
        Assert.Equal(Beijing(2026, 10, 2, 10).AddHours(-48 * 0.2), handling.StepWarnAt);
    }

    [Fact]
    public async Task The_report_step_of_a_working_time_category_waits_over_the_weekend()
    {
        App.Clock.SetBeijing(2026, 11, 27, 23);
        var qiu = await App.SignInAsync("qiumeiling");

        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), categoryId: await App.CategoryIdAsync(RoadDamage)));

        Assert.Equal(Beijing(2026, 11, 30, 1), reported.StepDeadline); // two hours: one on Friday night, one from Monday's midnight
    }

    [Fact]
    public async Task A_holiday_the_administrator_adds_moves_the_next_deadline()
    {
        var admin = await App.SignInAsync("admin");
        var before = await ReportAndAcceptAsync(RoadDamage);
        Assert.Equal(Beijing(2026, 11, 26, 9), before.StepDeadline); // Monday 09:00 + 3 working days

        await admin.MarkDayAsync(2026, "2026-11-24", "Holiday", "抗台风停工");
        var after = await ReportAndAcceptAsync(RoadDamage);

        Assert.Equal(Beijing(2026, 11, 27, 9), after.StepDeadline);
        Assert.Equal(Beijing(2026, 11, 26, 9), (await (await App.SignInAsync("chenliting")).GetEventAsync(before.Id)).StepDeadline); // a running step keeps its deadline
    }

    private async Task<EventDetail> ReportAndAcceptAsync(string categoryCode)
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), categoryId: await App.CategoryIdAsync(categoryCode)));
        var chen = await App.SignInAsync("chenliting");
        return await chen.ActAsync(reported, EventAction.Accept);
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Calendar;

/// <summary>
/// Administrators keep the calendar year by year through /api/v1/admin/calendar/{year}; the State
/// Council's 2025 and 2026 schedules are there from the start; only a district's administrator
/// changes it, and a refused change writes nothing.
/// </summary>
public sealed class CalendarAdministrationTests : AppTest
{
    [Fact]
    public async Task The_2026_schedule_is_there_from_the_start_and_2027_is_flagged_as_missing()
    {
        var admin = await App.SignInAsync("admin");

        var year = await admin.CalendarYearAsync(2026);

        Assert.Contains(year.Days, d => d.Date == new DateOnly(2026, 2, 17) && d.Kind == CalendarDayKind.Holiday && d.Name == "春节");
        Assert.Contains(year.Days, d => d.Date == new DateOnly(2026, 10, 10) && d.Kind == CalendarDayKind.Workday && d.Weekday == DayOfWeek.Saturday);
        Assert.Equal(6, year.WorkdayCount);
        Assert.Equal(248, year.WorkingDays); // 261 weekdays, 19 of them holidays, 6 worked weekend days
        Assert.True(year.MayEdit);
        Assert.Equal([2027], year.UnscheduledYears);
        Assert.Equal(8, (await admin.CalendarYearAsync(2025)).Days.Count(d => d.Name == "国庆节、中秋节" && d.Kind == CalendarDayKind.Holiday));
    }

    [Fact]
    public async Task An_administrator_adds_changes_and_removes_a_day_and_the_coming_year_is_no_longer_missing()
    {
        var admin = await App.SignInAsync("admin");

        var added = await admin.MarkDayAsync(2027, "2027-01-01", "Holiday", " 元旦 ");
        Assert.Equal(new CalendarDayRow(new DateOnly(2027, 1, 1), DayOfWeek.Friday, CalendarDayKind.Holiday, "元旦"), added);
        Assert.Empty((await admin.CalendarYearAsync(2027)).UnscheduledYears);

        var changed = await (await admin.PutAsJsonAsync("/api/v1/admin/calendar/2027/days/2027-01-01", new { kind = "Holiday", name = "元旦节" })).ShouldBe<CalendarDayRow>(HttpStatusCode.OK);
        Assert.Equal("元旦节", changed.Name);

        await (await admin.DeleteAsync("/api/v1/admin/calendar/2027/days/2027-01-01")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Empty((await admin.CalendarYearAsync(2027)).Days);
        await (await admin.DeleteAsync("/api/v1/admin/calendar/2027/days/2027-01-01")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2026-10-02", "Holiday", "国庆节", "date", "该日期已有安排")] // already a holiday
    [InlineData("2026-11-25", "Workday", "调休", "kind", "调休上班日只能是周六或周日")] // a Wednesday
    [InlineData("2027-01-02", "Holiday", "元旦", "date", "日期不在所选年份内")]
    [InlineData("2026-12-31", "Holiday", "", "name", "必填")]
    public async Task A_wrong_day_is_refused_with_a_readable_problem_and_nothing_is_written(string date, string kind, string name, string field, string message)
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.CalendarDays.CountAsync());

        var problem = await (await admin.TryMarkDayAsync(2026, date, kind, name)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(before, await App.QueryAsync(db => db.CalendarDays.CountAsync()));
    }

    [Fact]
    public async Task Changing_a_holiday_on_a_weekday_into_an_adjusted_working_day_is_refused()
    {
        var admin = await App.SignInAsync("admin");

        var refused = await admin.PutAsJsonAsync("/api/v1/admin/calendar/2026/days/2026-10-01", new { kind = "Workday", name = "国庆节" });

        await refused.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal(CalendarDayKind.Holiday, await App.QueryAsync(db => db.CalendarDays.Where(d => d.Date == new DateOnly(2026, 10, 1)).Select(d => d.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Staff_who_are_not_administrators_are_refused_with_403()
    {
        foreach (var userName in new[] { "qiumeiling", "wangjun", "liming" })
        {
            var someone = await App.SignInAsync(userName);

            await (await someone.GetAsync("/api/v1/admin/calendar/2026")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await someone.TryMarkDayAsync(2026, "2026-12-31", "Holiday", "跨年")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }

        Assert.False(await App.QueryAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 12, 31))));
    }

    [Fact]
    public async Task A_street_administrator_reads_the_calendar_but_may_not_change_the_whole_districts_deadlines()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var street = await App.SignInAsync("landianadmin", "Start@2026");

        Assert.False((await street.CalendarYearAsync(2026)).MayEdit);
        var refused = await (await street.TryMarkDayAsync(2026, "2026-12-31", "Holiday", "跨年")).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.Contains("区级系统管理员", refused.GetProperty("detail").GetString());
        await (await street.DeleteAsync("/api/v1/admin/calendar/2026/days/2026-10-01")).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.True(await App.QueryAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 10, 1))));
    }

    [Fact]
    public async Task A_year_out_of_range_is_a_problem()
    {
        var admin = await App.SignInAsync("admin");

        await (await admin.GetAsync("/api/v1/admin/calendar/1999")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}

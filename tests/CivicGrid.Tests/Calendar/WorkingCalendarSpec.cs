using CivicGrid.Web.Calendar;
using CivicGrid.Web.Infrastructure.Pages;

namespace CivicGrid.Tests.Calendar;

/// <summary>
/// Working time: Monday to Friday unless the State Council says otherwise; the clock runs through
/// whole working days and stops at the midnight before a rest day.
/// </summary>
public sealed class WorkingCalendarSpec
{
    private static readonly WorkingCalendar China = new(ChinaHolidays.Days());

    private static DateTime Beijing(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).UtcDateTime;

    [Theory]
    [InlineData("2026-11-23", true)] // an ordinary Monday
    [InlineData("2026-11-28", false)] // an ordinary Saturday
    [InlineData("2026-10-01", false)] // 国庆 on a Thursday
    [InlineData("2026-10-03", false)] // 国庆 on a Saturday
    [InlineData("2026-10-10", true)] // 调休: the Saturday after 国庆 is worked
    [InlineData("2026-09-20", true)] // 调休: a Sunday worked before 国庆
    [InlineData("2026-02-16", false)] // 春节
    [InlineData("2025-01-26", true)] // 调休 before 春节 2025
    [InlineData("2025-10-08", false)] // 国庆·中秋 2025 runs to the 8th
    [InlineData("2027-02-08", true)] // a year with nothing entered follows the weekly rule
    public void A_day_works_by_the_week_unless_the_schedule_says_otherwise(string day, bool working) =>
        Assert.Equal(working, China.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Three_working_days_started_before_national_day_skip_the_holiday_and_end_on_the_worked_saturday()
    {
        // Wed 9/30 10:00–24:00 is 14 h, 10/1–10/7 rest, Thu 10/8 and Fri 10/9 give 48 h, Sat 10/10 (调休) the last 10 h.
        var due = China.AddWorkingTime(Beijing(2026, 9, 30, 10), TimeSpan.FromDays(3));

        Assert.Equal(Beijing(2026, 10, 10, 10), due);
    }

    [Fact]
    public void Three_working_days_started_on_the_friday_after_national_day_count_the_worked_saturday()
    {
        var due = China.AddWorkingTime(Beijing(2026, 10, 9, 9), TimeSpan.FromDays(3));
        var withoutAdjustment = new WorkingCalendar(ChinaHolidays.Days().Where(d => d.Date != new DateOnly(2026, 10, 10)));

        Assert.Equal(Beijing(2026, 10, 13, 9), due); // Fri 15 h, Sat 24 h, Sun rests, Mon 24 h, Tue 9 h
        Assert.Equal(Beijing(2026, 10, 14, 9), withoutAdjustment.AddWorkingTime(Beijing(2026, 10, 9, 9), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void The_clock_stops_at_midnight_before_a_weekend_and_restarts_at_midnight_after_it()
    {
        Assert.Equal(Beijing(2026, 11, 30, 1), China.AddWorkingTime(Beijing(2026, 11, 27, 23), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_step_started_on_a_rest_day_starts_counting_on_the_next_working_day()
    {
        Assert.Equal(Beijing(2026, 11, 30, 2), China.AddWorkingTime(Beijing(2026, 11, 28, 15), TimeSpan.FromHours(2)));
        Assert.Equal(Beijing(2026, 10, 8, 8), China.AddWorkingTime(Beijing(2026, 10, 2, 12), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Time_that_ends_exactly_at_midnight_is_due_at_that_midnight()
    {
        Assert.Equal(Beijing(2026, 11, 28, 0), China.AddWorkingTime(Beijing(2026, 11, 27, 20), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_day_is_read_in_beijing_whatever_the_server_zone()
    {
        // 2026-10-09 17:00 UTC is already Saturday 10/10 01:00 in Beijing.
        Assert.Equal(new DateOnly(2026, 10, 10), LocalTime.DayOf(new DateTime(2026, 10, 9, 17, 0, 0, DateTimeKind.Utc)));
    }
}

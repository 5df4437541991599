using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Calendar;

/// <summary>The calendar page: a year's holidays as a list and as months, edited by administrators only.</summary>
public sealed class CalendarPageTests : AppTest
{
    [Fact]
    public async Task An_administrator_sees_the_year_and_a_notice_that_next_years_holidays_are_missing()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var page = await (await admin.GetAsync("/Calendar?year=2026")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("data-testid=\"nav-calendar\"", page);
        Assert.Contains("2026 年：工作日 248 天", page);
        Assert.Contains("国庆节", page);
        Assert.Contains("调休上班", page);
        Assert.Contains("data-date=\"2026-10-10\"", page);
        Assert.Contains("2027 年的法定节假日尚未录入", page);
        Assert.Contains("data-testid=\"add-day-form\"", page);
    }

    [Fact]
    public async Task An_administrator_adds_a_holiday_through_the_form()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var posted = await admin.PostFormAsync("/Calendar?year=2027", "/Calendar?handler=Add&year=2027", new()
        {
            ["Input.Date"] = "2027-01-01",
            ["Input.Kind"] = "Holiday",
            ["Input.Name"] = "元旦",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await (await admin.GetAsync("/Calendar?year=2027")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-date=\"2027-01-01\"", page);
        Assert.DoesNotContain("2027 年的法定节假日尚未录入", page);
    }

    [Fact]
    public async Task A_wrong_day_on_the_form_is_explained_beside_it_and_nothing_is_saved()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var refused = await admin.PostFormAsync("/Calendar?year=2026", "/Calendar?handler=Add&year=2026", new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Kind"] = "Workday",
            ["Input.Name"] = "调休",
        });

        var page = await refused.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("调休上班日只能是周六或周日", page);
        Assert.False(await App.QueryAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 11, 25))));
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_gets_the_forbidden_page_and_no_link()
    {
        var dispatcher = await App.SignInToPagesAsync("wangjun");

        var page = await (await dispatcher.GetAsync("/Calendar")).ShouldBeForbiddenPage();

        Assert.DoesNotContain("nav-calendar", page);
        var posted = await dispatcher.PostFormAsync("/Events/Todo", "/Calendar?handler=Remove&year=2026&date=2026-10-01", []);
        await posted.ShouldBeForbiddenPage();
        Assert.True(await App.QueryAsync(db => db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 10, 1))));
    }
}

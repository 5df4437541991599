using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The administrator reads the year's holidays as months on a 360 px phone and enters the coming year's first holiday.</summary>
public sealed class CalendarInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task An_administrator_sees_the_months_and_enters_the_missing_coming_year()
    {
        var admin = await host.PhoneOfAsync("admin");
        await admin.GetByTestId("nav-calendar").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("unscheduled-year")).ToContainTextAsync("2027");
        await Assertions.Expect(admin.Locator("[data-testid=calendar-day][data-date='2026-10-10']")).ToContainTextAsync("调休上班");
        await Assertions.Expect(admin.Locator("[data-testid=months] li[data-date='2026-10-01']")).ToContainTextAsync("休");
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the calendar scrolls sideways on a phone");

        await admin.GetByTestId("next-year").ClickAsync();
        await admin.GetByTestId("add-day").Locator("summary").ClickAsync();
        var form = admin.GetByTestId("add-day-form");
        await form.GetByTestId("day-date").FillAsync("2027-01-01");
        await form.GetByTestId("day-kind").SelectOptionAsync("Holiday");
        await form.GetByTestId("day-name").FillAsync("元旦");
        await form.GetByTestId("submit-day").ClickAsync();

        await Assertions.Expect(admin.Locator("[data-testid=calendar-day][data-date='2027-01-01']")).ToContainTextAsync("元旦");
        await Assertions.Expect(admin.GetByTestId("unscheduled-year")).ToHaveCountAsync(0);
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the calendar scrolls sideways on a phone");
    }
}

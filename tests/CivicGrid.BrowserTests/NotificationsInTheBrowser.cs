using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The community head's open to-do page on a 360 px phone learns of new work without a reload.</summary>
public sealed class NotificationsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_community_heads_open_todo_page_shows_the_grid_workers_report_without_reload()
    {
        var page = await OpenTodoPageAsync();
        var before = await TodoCountAsync(page);

        var reported = await ReportInYiyangAsync("绿地私搭停车棚（实时）");

        await ShowsWithoutReloadAsync(page, reported.Number, before + 1);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    private async Task<IPage> OpenTodoPageAsync()
    {
        var page = await host.PhoneOfAsync("chenliting");
        // Survives only if the page is never reloaded or left.
        await page.EvaluateAsync("window.civicgridMarker = 'still here'");
        await Assertions.Expect(page.Locator("html[data-live='connected']")).ToHaveCountAsync(1);
        return page;
    }

    private static async Task<int> TodoCountAsync(IPage page) => int.Parse(await page.GetByTestId("nav-todo-count").TextContentAsync() ?? "0");

    private static async Task ShowsWithoutReloadAsync(IPage page, string number, int count)
    {
        await Assertions.Expect(page.GetByTestId("todo-item").Filter(new() { HasText = number })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-todo-count")).ToHaveTextAsync(count.ToString());
        await Assertions.Expect(page.GetByTestId("toast").Filter(new() { HasText = number })).ToBeVisibleAsync();
        Assert.Equal("still here", await page.EvaluateAsync<string>("window.civicgridMarker"));
    }

    private async Task<CivicGrid.Web.Events.EventDetail> ReportInYiyangAsync(string title)
    {
        var grid3 = await host.App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        var qiumeiling = await host.App.SignInAsync("qiumeiling");
        return await qiumeiling.ReportAsync(EventsClient.Report(await host.App.SpotInGridAsync(grid3), title: title));
    }
}

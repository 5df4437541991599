using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Events;

public sealed class TodoListTests : AppTest
{
    [Fact]
    public async Task Todo_puts_the_nearest_deadline_first_and_marks_overdue_when_the_clock_passes_it()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var grid = await SpotInGridAsync("毅阳社区", 3);
        var normal = await qiu.ReportAsync(EventsClient.Report(grid, title: "一般事件", urgency: "Normal"));
        var critical = await qiu.ReportAsync(EventsClient.Report(grid, title: "特急事件", urgency: "Critical"));
        var chen = await App.SignInAsync("chenliting");

        var todo = await chen.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.Equal([critical.Id, normal.Id], todo!.Items.Select(e => e.Id));
        Assert.All(todo.Items, e => Assert.False(e.IsOverdue));

        App.Clock.Advance(TimeSpan.FromHours(1));
        var later = await chen.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.True(later!.Items.Single(e => e.Id == critical.Id).IsOverdue);
        Assert.False(later.Items.Single(e => e.Id == normal.Id).IsOverdue);
        var counts = await chen.GetFromJsonAsync<WorkCounts>("/api/v1/todo/counts", ResponseAssertions.Json);
        Assert.Equal(new WorkCounts(2, 1, 0, 0), counts);

        await chen.ActAsync(critical, EventAction.Accept);
        Assert.Equal(new WorkCounts(2, 0, 1, 0), await chen.GetFromJsonAsync<WorkCounts>("/api/v1/todo/counts", ResponseAssertions.Json));
    }

    [Fact]
    public async Task Lists_are_paged()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var grid = await SpotInGridAsync("毅阳社区", 3);
        for (var i = 0; i < 3; i++)
        {
            await qiu.ReportAsync(EventsClient.Report(grid, title: $"事件{i}"));
        }

        var page = await qiu.GetFromJsonAsync<Page<EventSummary>>("/api/v1/events?page=2&pageSize=2", ResponseAssertions.Json);
        Assert.Equal(3, page!.Total);
        Assert.Single(page.Items);
        Assert.Equal("事件0", page.Items[0].Title);
    }
}

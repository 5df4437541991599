using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Events;

/// <summary>
/// A step turns yellow (即将超期) when 80% of its time is used and red (已超期) when its deadline
/// passes, in the API, on the to-do list, the event page and the centre's queue, in words as well as colour.
/// </summary>
public sealed class DeadlineWarningTests : AppTest
{
    private const string Garbage = "E0101"; // calendar time
    private const string RoadDamage = "B0202"; // working time

    [Fact]
    public async Task A_step_turns_yellow_at_80_percent_of_its_time_and_red_after_its_deadline()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await ReportAsync(Garbage); // two hours to accept: yellow after 96 minutes

        App.Clock.Advance(TimeSpan.FromMinutes(95));
        Assert.Equal(DeadlineState.Normal, (await TodoItemAsync(chen, reported.Id)).DeadlineState);
        Assert.Equal(new WorkCounts(1, 0, 0, 0), await CountsAsync(chen));

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var yellow = await TodoItemAsync(chen, reported.Id);
        Assert.Equal(DeadlineState.Warning, yellow.DeadlineState);
        Assert.False(yellow.IsOverdue);
        Assert.Equal(DeadlineState.Warning, (await chen.GetEventAsync(reported.Id)).DeadlineState);
        Assert.Equal(new WorkCounts(1, 0, 0, 1), await CountsAsync(chen));

        App.Clock.Advance(TimeSpan.FromMinutes(25));
        var red = await TodoItemAsync(chen, reported.Id);
        Assert.Equal(DeadlineState.Overdue, red.DeadlineState);
        Assert.True(red.IsOverdue);
        Assert.Equal(new WorkCounts(1, 1, 0, 0), await CountsAsync(chen));
    }

    [Fact]
    public async Task The_state_is_a_named_field_of_the_api_views()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await ReportAsync(Garbage);
        App.Clock.Advance(TimeSpan.FromMinutes(100));

        var json = await chen.GetStringAsync($"/api/v1/events/{reported.Id}");

        Assert.Contains("\"deadlineState\":\"Warning\"", json);
        Assert.Contains("\"stepWarnAt\":", json);
    }

    [Fact]
    public async Task A_working_time_step_neither_yellows_nor_reddens_over_the_weekend()
    {
        App.Clock.SetBeijing(2026, 11, 27, 23); // Friday night: two working hours to accept, one left today
        var reported = await ReportAsync(RoadDamage);

        // Sign-in tokens last eight hours, so each look at the list signs in afresh.
        App.Clock.Advance(TimeSpan.FromHours(36)); // Sunday 11:00: far past two wall-clock hours
        Assert.Equal(DeadlineState.Normal, (await TodoItemAsync(await App.SignInAsync("chenliting"), reported.Id)).DeadlineState);

        App.Clock.SetBeijing(2026, 11, 30, 0, 36); // Monday: 60 + 36 of 120 working minutes used
        Assert.Equal(DeadlineState.Warning, (await TodoItemAsync(await App.SignInAsync("chenliting"), reported.Id)).DeadlineState);
        App.Clock.SetBeijing(2026, 11, 30, 1, 1);
        Assert.Equal(DeadlineState.Overdue, (await TodoItemAsync(await App.SignInAsync("chenliting"), reported.Id)).DeadlineState);
    }

    [Fact]
    public async Task The_to_do_page_says_nearly_due_and_overdue_and_counts_them()
    {
        var first = await ReportAsync(Garbage, "先报的垃圾");
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await ReportAsync(Garbage, "后报的垃圾");
        var chen = await App.SignInToPagesAsync("chenliting");

        App.Clock.Advance(TimeSpan.FromMinutes(70)); // the first has used 100 minutes of 120, the second 70
        var page = await (await chen.GetAsync("/Events/Todo")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("即将超期", page);
        Assert.Contains("data-testid=\"nearly-due-count\"", page);
        Assert.Contains("其中 1 件即将超期", page);
        Assert.Contains("deadline-Warning", page);
        Assert.DoesNotContain("data-testid=\"overdue\"", page);

        App.Clock.Advance(TimeSpan.FromMinutes(30)); // the first is late, the second yellow
        page = await (await chen.GetAsync("/Events/Todo")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("其中 1 件已超期", page);
        Assert.Contains("其中 1 件即将超期", page);
        Assert.Contains($"href=\"/Events/Detail/{first.Id}\"", page);
        Assert.Contains("deadline-Overdue", page);
    }

    [Fact]
    public async Task The_event_page_shows_the_deadline_with_the_time_left_and_its_state()
    {
        var reported = await ReportAsync(RoadDamage);
        var chen = await App.SignInToPagesAsync("chenliting");

        var page = await (await chen.GetAsync($"/Events/Detail/{reported.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("还剩 2小时", page);
        Assert.Contains("按工作日计时", page);
        Assert.Contains("dd class=\"deadline-Normal\"", page);

        App.Clock.Advance(TimeSpan.FromMinutes(110));
        page = await (await chen.GetAsync($"/Events/Detail/{reported.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("还剩 10分钟", page);
        Assert.Contains("即将超期", page);

        App.Clock.Advance(TimeSpan.FromMinutes(75));
        page = await (await chen.GetAsync($"/Events/Detail/{reported.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("已超期 1小时5分钟", page);
        Assert.Contains("dd class=\"deadline-Overdue\"", page);
    }

    [Fact]
    public async Task The_centres_queue_marks_nearly_due_and_overdue_events()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var unplaced = await qiu.ReportAsync(EventsClient.Report(new Spot(24.6, 117.8), title: "远处的垃圾", categoryId: await App.CategoryIdAsync(Garbage)));
        var dispatcher = await App.SignInToPagesAsync("zhanghui");

        App.Clock.Advance(TimeSpan.FromMinutes(100));
        var page = await (await dispatcher.GetAsync("/Dispatch/Queue")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains(unplaced.Number, page);
        Assert.Contains("即将超期", page);
        Assert.Contains("tr class=\"deadline-Warning\"", page);

        App.Clock.Advance(TimeSpan.FromMinutes(30));
        page = await (await dispatcher.GetAsync("/Dispatch/Queue")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("已超期", page);
        Assert.Contains("tr class=\"deadline-Overdue\"", page);
    }

    private async Task<EventDetail> ReportAsync(string categoryCode, string title = "楼下垃圾没人清")
    {
        var qiu = await App.SignInAsync("qiumeiling");
        return await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title, categoryId: await App.CategoryIdAsync(categoryCode)));
    }

    private static async Task<EventSummary> TodoItemAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items.Single(e => e.Id == id);

    private static async Task<WorkCounts> CountsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<WorkCounts>("/api/v1/todo/counts", ResponseAssertions.Json))!;
}

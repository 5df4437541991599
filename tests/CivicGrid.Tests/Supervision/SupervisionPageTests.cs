using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Pages;

namespace CivicGrid.Tests.Supervision;

/// <summary>Supervision through the pages: the centre's overdue list, the to-do lists, the event page's forms.</summary>
public sealed class SupervisionPageTests : AppTest
{
    [Fact]
    public async Task The_centre_lists_the_overdue_events_of_its_street_and_shows_which_are_under_supervision()
    {
        var supervised = await DispatchedToChengguanAsync("绿地私搭停车棚");
        var unsupervised = await ReportAsync("井盖缺失", "毅阳社区");
        var elsewhere = await (await App.SignInAsync("xujing")).ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1), title: "朝阳的事件"));
        await (await App.SignInAsync("liming")).IssueAsync(supervised.Id, "请尽快处置", App.Clock.GetUtcNow().AddDays(10));

        App.Clock.Advance(TimeSpan.FromDays(5));
        var centre = await App.SignInToPagesAsync("wangjun");
        var page = await (await centre.GetAsync("/Supervision/Overdue")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("href=\"/Supervision/Overdue\"", page);
        Assert.Equal(2, Count(page, "data-testid=\"overdue-item\""));
        Assert.Contains(supervised.Number, page);
        Assert.Contains(unsupervised.Number, page);
        Assert.DoesNotContain(elsewhere.Number, page);
        Assert.Equal(1, Count(page, "data-testid=\"has-order\""));
        Assert.Equal(1, Count(page, "data-testid=\"no-order\""));

        var department = await App.SignInToPagesAsync("liuqiang");
        var refused = await (await department.GetAsync("/Supervision/Overdue")).ShouldBeForbiddenPage();
        Assert.DoesNotContain("href=\"/Supervision/Overdue\"", refused);
    }

    [Fact]
    public async Task The_holders_todo_shows_the_order_on_top_and_the_supervisors_todo_the_overdue_event()
    {
        var dispatched = await DispatchedToChengguanAsync("占道经营");
        await (await App.SignInAsync("liming")).IssueAsync(dispatched.Id, "请明日前反馈处置情况", App.Clock.GetUtcNow().AddDays(10));
        App.Clock.Advance(TimeSpan.FromDays(5));
        await App.SweepAsync();

        var handler = await (await (await App.SignInToPagesAsync("liuqiang")).GetAsync("/Events/Todo")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"todo-order\"", handler);
        Assert.Contains("请明日前反馈处置情况", handler);
        Assert.True(handler.IndexOf("todo-order", StringComparison.Ordinal) < handler.IndexOf("data-testid=\"todo-item\"", StringComparison.Ordinal));

        var supervisor = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Events/Todo")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"todo-notice\"", supervisor);
        Assert.Contains(dispatched.Number, supervisor);
    }

    [Fact]
    public async Task On_the_event_page_a_leader_issues_the_holder_answers_and_a_refusal_is_shown_beside_the_form()
    {
        var dispatched = await DispatchedToChengguanAsync("绿地私搭停车棚");
        var detail = $"/Events/Detail/{dispatched.Id}";
        var leader = await App.SignInToPagesAsync("liming");
        Assert.Contains("data-testid=\"form-supervise\"", await leader.GetStringAsync(detail));

        var refused = await (await leader.PostFormAsync(detail, $"/Supervision/Order/{dispatched.Id}?handler=Issue", new()
        {
            ["Note"] = "请处置",
            ["Deadline"] = LocalTime.ForInput(App.Clock.GetUtcNow().UtcDateTime.AddHours(-1)),
        })).ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("data-testid=\"form-errors\"", refused);
        Assert.Contains("督办时限必须晚于现在", refused);
        Assert.Contains("请处置", refused);

        var issued = await leader.PostFormAsync(detail, $"/Supervision/Order/{dispatched.Id}?handler=Issue", new()
        {
            ["Note"] = "请三日内拆除",
            ["Deadline"] = LocalTime.ForInput(App.Clock.GetUtcNow().UtcDateTime.AddDays(3)),
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal($"{detail}#supervision", issued.Headers.Location?.OriginalString);

        var handler = await App.SignInToPagesAsync("liuqiang");
        var page = await handler.GetStringAsync(detail);
        Assert.Contains("data-testid=\"form-reply\"", page);
        Assert.DoesNotContain("data-testid=\"form-supervise\"", page);
        var orderId = (await (await App.SignInAsync("liuqiang")).AwaitingMyReplyAsync()).Single().Id;
        var answered = await handler.PostFormAsync(detail, $"/Supervision/Order/{dispatched.Id}?handler=Reply&orderId={orderId}", new() { ["Note"] = "已拆除" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var after = await leader.GetStringAsync(detail);
        Assert.Contains("data-testid=\"form-conclude\"", after);
        Assert.Contains("已拆除", after);
        Assert.Contains("按时回复", after);
    }

    [Fact]
    public async Task The_timeline_names_the_platform_as_the_actor_of_an_overdue_entry()
    {
        var reported = await ReportAsync("绿地私搭停车棚", "毅阳社区");
        App.Clock.Advance(TimeSpan.FromDays(5));
        await App.SweepAsync();

        var page = await (await App.SignInToPagesAsync("chenliting")).GetStringAsync($"/Events/Detail/{reported.Id}");

        Assert.Contains("系统 · 毅阳社区", page);
        Assert.Contains("已告知 蓝田街道综治中心", page);
    }

    private async Task<EventDetail> ReportAsync(string title, string community) =>
        await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync(community, community == "毅阳社区" ? 3 : 1), title: title));

    private async Task<EventDetail> DispatchedToChengguanAsync(string title)
    {
        var chen = await App.SignInAsync("chenliting");
        var escalated = await chen.ActAsync(await ReportAsync(title, "毅阳社区"), EventAction.Escalate, note: "需要城管");
        var wang = await App.SignInAsync("wangjun");
        return await wang.ActAsync(await wang.GetEventAsync(escalated.Id), EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));
    }

    private static int Count(string page, string marker) => (page.Length - page.Replace(marker, "", StringComparison.Ordinal).Length) / marker.Length;
}

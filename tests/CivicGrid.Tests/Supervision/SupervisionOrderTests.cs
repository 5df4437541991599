using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Supervision;

/// <summary>
/// 督办单: a leader or centre presses the unit holding an event for an answer by a deadline; the
/// holder answers, the outcome is recorded, the issuer concludes. Scope as everywhere else.
/// </summary>
public sealed class SupervisionOrderTests : AppTest
{
    [Fact]
    public async Task A_leader_issues_an_order_the_holder_answers_in_time_and_the_leader_concludes_it()
    {
        var dispatched = await DispatchedToChengguanAsync();
        var leader = await App.SignInAsync("liming");

        var issued = await leader.IssueAsync(dispatched.Id, "请三日内拆除违建并反馈", Now.AddDays(2));

        Assert.Equal((SupervisionState.Open, SupervisionOutcome.Pending, "蓝田街道城管办", "李明"), (issued.State, issued.Outcome, issued.AddresseeUnitName, issued.IssuerName));
        Assert.False(issued.MayReply);
        var chengguan = await App.SignInAsync("liuqiang");
        var waiting = Assert.Single(await chengguan.AwaitingMyReplyAsync());
        Assert.Equal((issued.Id, "请三日内拆除违建并反馈"), (waiting.Id, waiting.Note));
        Assert.True(waiting.MayReply);

        var answered = await chengguan.ReplyAsync(issued.Id, "已约谈当事人，明日拆除");
        Assert.Equal((SupervisionState.Replied, SupervisionOutcome.AnsweredOnTime), (answered.State, answered.Outcome));
        Assert.Empty(await chengguan.AwaitingMyReplyAsync());

        var overview = await (await leader.GetAsync("/api/v1/supervision-orders/issued")).ShouldBe<Page<SupervisionOrderView>>(HttpStatusCode.OK);
        Assert.Equal(SupervisionState.Replied, Assert.Single(overview.Items).State);

        var concluded = await leader.ConcludeAsync(issued.Id, "处置及时");
        Assert.Equal((SupervisionState.Concluded, SupervisionOutcome.AnsweredOnTime, "处置及时"), (concluded.State, concluded.Outcome, concluded.Assessment));

        var seen = await chengguan.GetEventAsync(dispatched.Id);
        Assert.Equal(
            [EventAction.Supervise, EventAction.SupervisionReply, EventAction.SupervisionConclude],
            seen.Timeline.Where(t => t.Action is EventAction.Supervise or EventAction.SupervisionReply or EventAction.SupervisionConclude).Select(t => t.Action));
        Assert.Equal("蓝田街道城管办", seen.Timeline.Single(t => t.Action == EventAction.Supervise).TargetUnitName);
        // Supervision is recorded beside the steps: the handler's open form is still current.
        Assert.Equal(dispatched.Version, seen.Version);
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_recorded_as_late()
    {
        var dispatched = await DispatchedToChengguanAsync();
        var order = await (await App.SignInAsync("wangjun")).IssueAsync(dispatched.Id, "请尽快处置", Now.AddHours(2));

        App.Clock.Advance(TimeSpan.FromHours(3));
        var answered = await (await App.SignInAsync("liuqiang")).ReplyAsync(order.Id, "已处置");

        Assert.Equal(SupervisionOutcome.AnsweredLate, answered.Outcome);
    }

    [Fact]
    public async Task An_unanswered_order_turns_yellow_then_red_is_recorded_once_by_the_sweep_and_can_then_be_concluded()
    {
        var dispatched = await DispatchedToChengguanAsync();
        var wang = await App.SignInAsync("wangjun");
        var order = await wang.IssueAsync(dispatched.Id, "请尽快处置", Now.AddHours(5));
        await (await wang.TryConcludeAsync(order.Id, "未回复")).ShouldBeProblem(HttpStatusCode.Conflict);

        App.Clock.Advance(TimeSpan.FromHours(4.5));
        Assert.Equal(DeadlineState.Warning, Assert.Single(await (await App.SignInAsync("liuqiang")).AwaitingMyReplyAsync()).Colour);
        Assert.Equal(0, (await App.SweepAsync()).Orders);

        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(DeadlineState.Overdue, Assert.Single(await (await App.SignInAsync("liuqiang")).AwaitingMyReplyAsync()).Colour);
        var results = await Task.WhenAll(App.SweepAsync(), App.SweepAsync());
        await App.SweepAsync();

        Assert.Equal(1, results.Sum(r => r.Orders));
        wang = await App.SignInAsync("wangjun");
        var unanswered = Assert.Single(await App.QueryAsync(db => db.TimelineEntries.Where(t => t.EventId == dispatched.Id && t.Action == EventAction.SupervisionUnanswered).ToListAsync()));
        Assert.Equal(Guid.Empty, unanswered.ActorId);
        Assert.Equal(SupervisionOutcome.Unanswered, Assert.Single((await wang.OrdersOfAsync(dispatched.Id)).Orders).Outcome);

        var concluded = await wang.ConcludeAsync(order.Id, "逾期未复，通报批评");
        Assert.Equal((SupervisionState.Concluded, SupervisionOutcome.Unanswered), (concluded.State, concluded.Outcome));
        await (await (await App.SignInAsync("liuqiang")).TryReplyAsync(order.Id, "补充回复")).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_leader_or_dispatcher_of_another_street_can_neither_see_nor_issue_and_only_the_holder_answers()
    {
        var dispatched = await DispatchedToChengguanAsync();
        var order = await (await App.SignInAsync("wangjun")).IssueAsync(dispatched.Id, "请尽快处置", Now.AddDays(1));
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("cydispatcher", "Dispatcher", await UnitAsync("朝阳街道综治中心"));
        await admin.CreateAccountAsync("cyleader", "Leader", await UnitAsync("朝阳街道"));

        foreach (var outsider in new[] { "cydispatcher", "cyleader" })
        {
            var other = await App.SignInAsync(outsider, "Start@2026");
            await (await other.GetAsync($"/api/v1/events/{dispatched.Id}/supervision-orders")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await other.TryIssueAsync(dispatched.Id, "越权督办", Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await other.TryConcludeAsync(order.Id, "越权办结")).ShouldBeProblem(HttpStatusCode.NotFound);
            Assert.Empty((await (await other.GetAsync("/api/v1/supervision/overdue")).ShouldBe<Page<OverdueEventView>>(HttpStatusCode.OK)).Items);
        }

        // Sees the event, but a community head does not issue orders, and the centre does not answer its own.
        var chen = await App.SignInAsync("chenliting");
        await (await chen.TryIssueAsync(dispatched.Id, "社区督办", Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await App.SignInAsync("wangjun")).TryReplyAsync(order.Id, "代为回复")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await App.SignInAsync("zhoumin")).TryReplyAsync(order.Id, "不是我们的")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await App.SignInAsync("liuqiang")).TryConcludeAsync(order.Id, "自己办结")).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Equal(1, await App.QueryAsync(db => db.SupervisionOrders.CountAsync()));
        Assert.Equal(SupervisionState.Open, Assert.Single((await (await App.SignInAsync("liuqiang")).OrdersOfAsync(dispatched.Id)).Orders).State);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_problem_and_nothing_is_written()
    {
        var dispatched = await DispatchedToChengguanAsync();
        var leader = await App.SignInAsync("liming");

        var past = await (await leader.TryIssueAsync(dispatched.Id, "请处置", Now.AddMinutes(-1))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("deadline", out _));
        var empty = await (await leader.TryIssueAsync(dispatched.Id, "  ", null)).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("note", out _));
        Assert.True(empty.GetProperty("errors").TryGetProperty("deadline", out _));
        await (await leader.TryIssueAsync(dispatched.Id, new string('督', SupervisionOrderConfiguration.NoteMaxLength + 1), Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var qiu = await App.SignInAsync("qiumeiling");
        var solved = await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "已当场处置"))).ShouldBe<EventDetail>(HttpStatusCode.Created);
        await (await leader.TryIssueAsync(solved.Id, "请处置", Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.Conflict);

        var atCentre = await (await App.SignInAsync("chenliting")).ActAsync(await ReportAsync("井盖缺失"), EventAction.Escalate, note: "需要街道协调");
        await (await (await App.SignInAsync("wangjun")).TryIssueAsync(atCentre.Id, "督办自己", Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await leader.TryIssueAsync(999_999, "请处置", Now.AddDays(1))).ShouldBeProblem(HttpStatusCode.NotFound);

        var order = await leader.IssueAsync(dispatched.Id, "请处置", Now.AddDays(1));
        var chengguan = await App.SignInAsync("liuqiang");
        await (await chengguan.TryReplyAsync(order.Id, "")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await chengguan.ReplyAsync(order.Id, "已处置");
        await (await chengguan.TryReplyAsync(order.Id, "再次回复")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await leader.TryConcludeAsync(order.Id, null)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(1, await App.QueryAsync(db => db.SupervisionOrders.CountAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.TimelineEntries.CountAsync(t => t.Action == EventAction.Supervise)));
        Assert.Equal(1, await App.QueryAsync(db => db.TimelineEntries.CountAsync(t => t.Action == EventAction.SupervisionReply)));
    }

    private DateTimeOffset Now => App.Clock.GetUtcNow();

    private async Task<EventDetail> ReportAsync(string title) =>
        await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title));

    /// <summary>The canonical story up to 城管办 holding the event.</summary>
    private async Task<EventDetail> DispatchedToChengguanAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var escalated = await chen.ActAsync(await ReportAsync("绿地私搭停车棚"), EventAction.Escalate, note: "需要城管");
        var wang = await App.SignInAsync("wangjun");
        return await wang.ActAsync(await wang.GetEventAsync(escalated.Id), EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));
    }
}

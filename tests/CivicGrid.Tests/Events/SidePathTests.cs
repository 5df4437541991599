using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Events;

/// <summary>The side paths real work needs: return, reassign, co-handling, rework, void, reopen, escalation to the top, solving on the spot.</summary>
public sealed class SidePathTests : AppTest
{
    private async Task<EventDetail> AtCentreAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        return await chen.ActAsync(e, EventAction.Escalate, note: "请街道处理");
    }

    [Fact]
    public async Task Department_returns_with_a_reason_and_the_centre_reassigns()
    {
        var centre = await App.SignInAsync("wangjun");
        var e = await centre.ActAsync(await centre.GetEventAsync((await AtCentreAsync()).Id), EventAction.Register);
        var dispatched = await centre.ActAsync(e, EventAction.Dispatch, target: await UnitAsync("蓝田市场监管所"));

        var market = await App.SignInAsync("wuhong");
        var refusal = await market.TryAsync(e.Id, EventAction.Return, new TransitionRequest(dispatched.Version));
        var problem = await refusal.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));

        var returned = await market.ActAsync(dispatched, EventAction.Return, note: "不属于市场监管职责");
        Assert.Equal(EventStatus.Registered, returned.Status);
        Assert.Equal("蓝田街道综治中心", returned.HolderUnitName);
        Assert.Contains(returned.Assignments, a => a.DepartmentName == "蓝田市场监管所" && a.Status == AssignmentStatus.Returned);

        var redispatched = await centre.ActAsync(await centre.GetEventAsync(e.Id), EventAction.Dispatch, target: await UnitAsync("蓝田派出所"));
        var reassigned = await centre.ActAsync(redispatched, EventAction.Reassign, note: "改由城管办主办", target: await UnitAsync("蓝田街道城管办"));
        Assert.Equal("蓝田街道城管办", reassigned.HolderUnitName);
        Assert.Equal(EventStatus.Dispatched, reassigned.Status);
        // The returning department keeps its history in sight.
        Assert.Equal(e.Id, (await market.GetEventAsync(e.Id)).Id);
    }

    [Fact]
    public async Task Assisting_departments_report_their_part_and_the_lead_moves_it_on()
    {
        var centre = await App.SignInAsync("wangjun");
        var e = await centre.GetEventAsync((await AtCentreAsync()).Id);
        await centre.ActAsync(e, EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"), assists: [await UnitAsync("蓝田派出所")]);

        var police = await App.SignInAsync("zhoumin");
        Assert.Contains((await police.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items, x => x.Id == e.Id);
        var seen = await police.GetEventAsync(e.Id);
        // An assistant may check in (报到) first, or report its part straight away.
        Assert.Equal([EventAction.CheckIn, EventAction.AssistFeedback], seen.AvailableActions);
        await police.ActAsync(seen, EventAction.AssistFeedback, note: "已派民警到场维持秩序");
        Assert.Empty((await police.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items);

        var chengguan = await App.SignInAsync("liuqiang");
        var signed = await chengguan.ActAsync(await chengguan.GetEventAsync(e.Id), EventAction.SignFor);
        var done = await chengguan.ActAsync(signed, EventAction.Feedback, note: "已拆除");
        Assert.Equal(EventStatus.AwaitingVerification, done.Status);
    }

    [Fact]
    public async Task Failed_verification_sends_it_back_to_the_handler_as_rework()
    {
        var centre = await App.SignInAsync("wangjun");
        var e = await centre.GetEventAsync((await AtCentreAsync()).Id);
        await centre.ActAsync(e, EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));
        var chengguan = await App.SignInAsync("liuqiang");
        var signed = await chengguan.ActAsync(await chengguan.GetEventAsync(e.Id), EventAction.SignFor);
        await chengguan.ActAsync(signed, EventAction.Feedback, note: "已处理");

        var qiu = await App.SignInAsync("qiumeiling");
        var rework = await qiu.ActAsync(await qiu.GetEventAsync(e.Id), EventAction.Rework, note: "车棚仍在");
        Assert.Equal(EventStatus.Handling, rework.Status);
        Assert.Equal("蓝田街道城管办", rework.HolderUnitName);
        Assert.Equal(1, rework.ReworkCount);
        Assert.Contains(EventAction.Feedback, (await chengguan.GetEventAsync(e.Id)).AvailableActions);
    }

    [Fact]
    public async Task Escalation_from_street_centre_reaches_district_centre_and_stops_there()
    {
        var centre = await App.SignInAsync("wangjun");
        var e = await centre.GetEventAsync((await AtCentreAsync()).Id);
        var up = await centre.ActAsync(e, EventAction.Escalate, note: "涉及多个街道");
        Assert.Equal("龙文区综治中心", up.HolderUnitName);

        var district = await App.SignInAsync("zhanghui");
        var seen = await district.GetEventAsync(e.Id);
        Assert.DoesNotContain(EventAction.Escalate, seen.AvailableActions);
        await (await district.TryAsync(e.Id, EventAction.Escalate, new TransitionRequest(seen.Version, "再上报"))).ShouldBeProblem(HttpStatusCode.Conflict);
        var dispatched = await district.ActAsync(seen, EventAction.Dispatch, target: await UnitAsync("龙文区住房和城乡建设局"));
        Assert.Equal(EventStatus.Dispatched, dispatched.Status);
    }

    [Fact]
    public async Task Grid_worker_takes_a_residents_report_escalates_it_to_the_community()
    {
        var chen = await App.SignInAsync("chenliting");
        var phoned = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), source: "Resident"));
        Assert.Equal("第3网格", phoned.HolderUnitName);

        var qiu = await App.SignInAsync("qiumeiling");
        var accepted = await qiu.ActAsync(await qiu.GetEventAsync(phoned.Id), EventAction.Accept);
        var up = await qiu.ActAsync(accepted, EventAction.Escalate, note: "需社区出面");
        Assert.Equal("毅阳社区", up.HolderUnitName);
        Assert.Equal(EventStatus.Reported, up.Status);
    }

    [Fact]
    public async Task Community_handles_itself_and_closes_then_a_voided_event_is_reopened()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1), title: "邻里噪音纠纷", categoryId: 9));
        var handling = await chen.ActAsync(e, EventAction.Accept);
        var closed = await chen.ActAsync(handling, EventAction.Close, note: "调解成功");
        Assert.Equal(EventStatus.Closed, closed.Status);

        var other = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1), title: "重复上报"));
        var voided = await chen.ActAsync(other, EventAction.Void, note: "与已有事件重复");
        Assert.Equal(EventStatus.Voided, voided.Status);
        Assert.Empty(voided.AvailableActions.Except([EventAction.Reopen]));
        var reopened = await chen.ActAsync(voided, EventAction.Reopen, note: "并非重复");
        Assert.Equal(EventStatus.Reported, reopened.Status);
        Assert.Equal("毅阳社区", reopened.HolderUnitName);
    }

    [Fact]
    public async Task Small_matter_solved_on_the_spot_is_closed_at_once()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var response = await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "楼道杂物", description: "已劝说住户清理楼道杂物"));
        var solved = await response.ShouldBe<EventDetail>(HttpStatusCode.Created);

        Assert.Equal(EventStatus.Closed, solved.Status);
        Assert.Equal([EventAction.SolveOnSpot], solved.Timeline.Select(t => t.Action));
        Assert.Empty((await qiu.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items);
        Assert.Contains((await qiu.GetFromJsonAsync<Page<EventSummary>>("/api/v1/done", ResponseAssertions.Json))!.Items, x => x.Id == solved.Id);

        var outside = await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(await SpotInGridAsync("檀林社区", 1)));
        await outside.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

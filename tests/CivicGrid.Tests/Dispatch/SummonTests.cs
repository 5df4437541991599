using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Dispatch;

/// <summary>
/// 吹哨报到: a centre summons several departments at once, one lead and the others assisting; each
/// checks in and reports back; the event moves on when the lead finishes, and what the others owe stays in sight.
/// </summary>
public sealed class SummonTests : AppTest
{
    private async Task<EventDetail> AtStreetCentreAsync()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "夜市占道经营扰民", categoryId: 4));
        await chen.ActAsync(e, EventAction.Escalate, note: "涉及多个部门");
        return await (await App.SignInAsync("wangjun")).GetEventAsync(e.Id);
    }

    private static async Task<IReadOnlyList<long>> TodoAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task A_lead_and_two_assistants_check_in_and_report_back_and_the_event_moves_on_when_the_lead_finishes()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await AtStreetCentreAsync();

        var summoned = await wang.ActAsync(e, EventAction.Summon, note: "夜市占道、噪声、食品卫生交织，请三部门联合处置",
            target: await UnitAsync("蓝田街道城管办"), assists: [await UnitAsync("蓝田派出所"), await UnitAsync("蓝田市场监管所")]);

        Assert.Equal((EventStatus.Dispatched, "蓝田街道城管办"), (summoned.Status, summoned.HolderUnitName));
        var whistle = summoned.Timeline[^1];
        Assert.Equal((EventAction.Summon, "蓝田派出所、蓝田市场监管所"), (whistle.Action, whistle.AssistUnitNames));
        Assert.Equal(3, summoned.Assignments.Count);
        Assert.All(summoned.Assignments, a => Assert.Null(a.CheckedInAt));

        var lead = await App.SignInAsync("liuqiang");
        var police = await App.SignInAsync("zhoumin");
        var market = await App.SignInAsync("wuhong");
        foreach (var department in new[] { lead, police, market })
        {
            Assert.Contains(e.Id, await TodoAsync(department));
        }

        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var policeSeen = await police.GetEventAsync(e.Id);
        Assert.Equal([EventAction.CheckIn, EventAction.AssistFeedback], policeSeen.AvailableActions);
        var checkedIn = await police.ActAsync(policeSeen, EventAction.CheckIn);
        Assert.NotNull(checkedIn.Assignments.Single(a => a.DepartmentName == "蓝田派出所").CheckedInAt);
        Assert.Equal([EventAction.AssistFeedback], checkedIn.AvailableActions);

        var signed = await lead.ActAsync(await lead.GetEventAsync(e.Id), EventAction.SignFor);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, signed.Assignments.Single(a => a.Role == AssignmentRole.Lead).CheckedInAt);

        App.Clock.Advance(TimeSpan.FromHours(1));
        var marketDone = await market.ActAsync(await market.GetEventAsync(e.Id), EventAction.AssistFeedback, note: "已抽检摊点食品，责令两户整改");
        var marketPart = marketDone.Assignments.Single(a => a.DepartmentName == "蓝田市场监管所");
        Assert.Equal((AssignmentStatus.Done, "已抽检摊点食品，责令两户整改"), (marketPart.Status, marketPart.Note));
        Assert.NotNull(marketPart.CheckedInAt);
        Assert.DoesNotContain(e.Id, await TodoAsync(market));

        // The lead finishes while the police still owe their part: the event moves on regardless.
        var finished = await lead.ActAsync(await lead.GetEventAsync(e.Id), EventAction.Feedback, note: "占道摊点已清理");
        Assert.Equal(EventStatus.AwaitingVerification, finished.Status);
        Assert.Equal(AssignmentStatus.Pending, finished.Assignments.Single(a => a.DepartmentName == "蓝田派出所").Status);
        Assert.Contains(e.Id, await TodoAsync(police));
        Assert.DoesNotContain(e.Id, await TodoAsync(lead));

        var page = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync($"/Events/Detail/{e.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"assignments\"", page);
        Assert.Contains("待反馈", page);
        Assert.Contains("已抽检摊点食品，责令两户整改", page);

        var policeDone = await police.ActAsync(await police.GetEventAsync(e.Id), EventAction.AssistFeedback, note: "已加强夜间巡逻");
        Assert.All(policeDone.Assignments, a => Assert.Equal(AssignmentStatus.Done, a.Status));
        Assert.DoesNotContain(e.Id, await TodoAsync(police));
    }

    [Fact]
    public async Task A_summons_needs_a_reason_and_at_least_one_assistant_and_a_refused_one_changes_nothing()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await AtStreetCentreAsync();
        var lead = await UnitAsync("蓝田街道城管办");

        var alone = await (await wang.TryAsync(e.Id, EventAction.Summon, new TransitionRequest(e.Version, "联合处置", lead))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(alone.GetProperty("errors").TryGetProperty("assistUnitIds", out _));
        var silent = await (await wang.TryAsync(e.Id, EventAction.Summon, new TransitionRequest(e.Version, null, lead, [await UnitAsync("蓝田派出所")]))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(silent.GetProperty("errors").TryGetProperty("note", out _));
        var elsewhere = await (await wang.TryAsync(e.Id, EventAction.Summon, new TransitionRequest(e.Version, "联合处置", lead, [await UnitAsync("朝阳派出所")]))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("assistUnitIds", out _));

        var unchanged = await wang.GetEventAsync(e.Id);
        Assert.Equal((EventStatus.Reported, e.Version, 0), (unchanged.Status, unchanged.Version, unchanged.Assignments.Count));
        Assert.Equal(0, await App.QueryAsync(db => db.EventAssignments.CountAsync(a => a.EventId == e.Id)));
    }

    [Fact]
    public async Task Only_the_summoned_department_checks_in_and_only_once()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await AtStreetCentreAsync();
        var summoned = await wang.ActAsync(e, EventAction.Summon, note: "联合处置", target: await UnitAsync("蓝田街道城管办"), assists: [await UnitAsync("蓝田派出所")]);

        var market = await App.SignInAsync("wuhong");
        await (await market.TryAsync(e.Id, EventAction.CheckIn, new TransitionRequest(summoned.Version))).ShouldBeProblem(HttpStatusCode.NotFound);
        var lead = await App.SignInAsync("liuqiang");
        await (await lead.TryAsync(e.Id, EventAction.CheckIn, new TransitionRequest(summoned.Version))).ShouldBeProblem(HttpStatusCode.Forbidden);

        var police = await App.SignInAsync("zhoumin");
        var checkedIn = await police.ActAsync(await police.GetEventAsync(e.Id), EventAction.CheckIn);
        await (await police.TryAsync(e.Id, EventAction.CheckIn, new TransitionRequest(checkedIn.Version))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

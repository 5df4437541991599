using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Dispatch;

/// <summary>
/// 人工分拨与自动分拨相结合: on 立案 an automatic rule dispatches at once and the timeline names it;
/// a suggest-only rule, or none, leaves the event in the centre's queue with the suggestion shown.
/// </summary>
public sealed class AutoDispatchTests : AppTest
{
    private Task<int> CategoryAsync(string code) => App.QueryAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    /// <summary>A grid worker reports in 毅阳社区, its head escalates: the event waits on 蓝田街道综治中心.</summary>
    private async Task<EventDetail> AtStreetCentreAsync(string categoryCode, string title)
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title, categoryId: await CategoryAsync(categoryCode)));
        return await chen.ActAsync(e, EventAction.Escalate, note: "社区无法处理，请街道派遣");
    }

    [Fact]
    public async Task Registering_an_event_an_automatic_rule_fits_dispatches_it_at_once_and_the_timeline_names_the_rule()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await wang.GetEventAsync((await AtStreetCentreAsync("B0101", "路口井盖丢了")).Id);
        var rule = (await wang.RulesAsync()).Single(r => r.CategoryName == "井盖缺损");

        var registered = await wang.ActAsync(e, EventAction.Register);

        Assert.Equal(EventStatus.Dispatched, registered.Status);
        Assert.Equal("蓝田街道住建办", registered.HolderUnitName);
        Assert.Equal(await UnitAsync("蓝田街道综治中心"), registered.DispatchingCentreId);
        Assert.NotNull(registered.StepDeadline);
        Assert.Contains(registered.Assignments, a => a.DepartmentName == "蓝田街道住建办" && a.Role == AssignmentRole.Lead && a.Status == AssignmentStatus.Pending);
        var (register, dispatch) = (registered.Timeline[^2], registered.Timeline[^1]);
        Assert.Equal((EventAction.Register, "王军"), (register.Action, register.ActorName));
        Assert.Equal((EventAction.Dispatch, "系统", "蓝田街道综治中心", "蓝田街道住建办"), (dispatch.Action, dispatch.ActorName, dispatch.ActorUnitName, dispatch.TargetUnitName));
        Assert.Equal(rule.Id, dispatch.DispatchRuleId);
        Assert.Contains($"分拨规则 #{rule.Id}", dispatch.Note);
        Assert.Contains("井盖缺损", dispatch.Note);

        var stored = await App.QueryAsync(db => db.TimelineEntries.SingleAsync(t => t.EventId == e.Id && t.Action == EventAction.Dispatch));
        Assert.Equal((Guid.Empty, "系统"), (stored.ActorId, stored.ActorName));

        // The API marks the entry as the platform's own, for pages to name in the reader's language.
        var detail = await (await wang.GetAsync($"/api/v1/events/{e.Id}")).ShouldBe<EventDetail>(HttpStatusCode.OK);
        Assert.True(detail.Timeline[^1].BySystem);
        var office = await App.SignInAsync("liuqiang");
        await (await office.GetAsync($"/api/v1/events/{e.Id}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suggest_only_rule_leaves_the_event_in_the_queue_with_the_suggestion()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await wang.GetEventAsync((await AtStreetCentreAsync("G0501", "绿地私搭停车棚")).Id);

        var registered = await wang.ActAsync(e, EventAction.Register);

        Assert.Equal(EventStatus.Registered, registered.Status);
        Assert.Equal("蓝田街道综治中心", registered.HolderUnitName);
        Assert.DoesNotContain(registered.Timeline, t => t.ActorName == "系统");
        Assert.Equal(("蓝田街道城管办", DispatchMode.Suggest), (registered.Suggestion!.Lead.Name, registered.Suggestion.Mode));

        var queue = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Dispatch/Queue")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains(registered.Number, queue);
        Assert.Contains("data-testid=\"suggested-lead\">蓝田街道城管办<", queue);
        Assert.Contains($"规则 #{registered.Suggestion.Id}：占用绿地 · 蓝田街道", queue);
    }

    [Fact]
    public async Task The_dispatcher_dispatches_the_suggestion_from_the_queue_in_one_step()
    {
        var e = await AtStreetCentreAsync("G0401", "夜间广场舞太吵");
        var pages = await App.SignInToPagesAsync("wangjun");
        var api = await App.SignInAsync("wangjun");
        var seen = await api.GetEventAsync(e.Id);
        Assert.Equal(["蓝田街道城管办"], seen.Suggestion!.Assists.Select(a => a.Name));

        var response = await pages.PostFormAsync("/Dispatch/Queue", "/Dispatch/Queue?handler=Dispatch", new()
        {
            ["id"] = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = seen.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lead"] = seen.Suggestion.Lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["assists"] = seen.Suggestion.Assists[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dispatched = await api.GetEventAsync(e.Id);
        Assert.Equal((EventStatus.Dispatched, "蓝田派出所"), (dispatched.Status, dispatched.HolderUnitName));
        Assert.Contains(dispatched.Assignments, a => a.DepartmentName == "蓝田街道城管办" && a.Role == AssignmentRole.Assist);
        Assert.Null(dispatched.Suggestion);

        // The same tap again, on the version it saw, is refused readably and changes nothing.
        var stale = await pages.PostFormAsync("/Dispatch/Queue", "/Dispatch/Queue?handler=Dispatch", new()
        {
            ["id"] = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = seen.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lead"] = seen.Suggestion.Lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("data-testid=\"form-errors\"", await stale.ShouldBePage(HttpStatusCode.Conflict));
        Assert.Equal(dispatched.Version, (await api.GetEventAsync(e.Id)).Version);
    }

    [Fact]
    public async Task Without_a_rule_the_event_waits_for_the_dispatcher_to_choose()
    {
        var wang = await App.SignInAsync("wangjun");
        var e = await wang.GetEventAsync((await AtStreetCentreAsync("G0201", "楼道堆放杂物")).Id);

        var registered = await wang.ActAsync(e, EventAction.Register);

        Assert.Equal(EventStatus.Registered, registered.Status);
        Assert.Null(registered.Suggestion);
        var queue = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Dispatch/Queue")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"no-suggestion\"", queue);
    }

    [Fact]
    public async Task Registering_on_the_event_page_dispatches_by_rule_too()
    {
        var e = await AtStreetCentreAsync("B0101", "井盖松动");
        var pages = await App.SignInToPagesAsync("wangjun");

        var response = await pages.PostFormAsync($"/Events/Detail/{e.Id}", $"/Events/Detail/{e.Id}", new()
        {
            ["Input.Action"] = nameof(EventAction.Register),
            ["Input.Version"] = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await pages.GetAsync($"/Events/Detail/{e.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("系统 · 蓝田街道综治中心", page);
        Assert.Contains("分拨规则 #", page);
    }

    [Fact]
    public async Task The_event_page_shows_the_dispatcher_the_suggestion_but_not_the_reporter()
    {
        var e = await AtStreetCentreAsync("G0501", "绿地被占");
        var page = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync($"/Events/Detail/{e.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"dispatch-suggested\"", page);

        var chen = await App.SignInAsync("chenliting");
        Assert.Null((await chen.GetEventAsync(e.Id)).Suggestion);
    }

    [Fact]
    public async Task Another_streets_centre_never_uses_these_rules()
    {
        // 朝阳社区 lies in 朝阳街道: the 蓝田 manhole rule does not fit, so registering dispatches nothing.
        var xu = await App.SignInAsync("xujing");
        var e = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1), title: "井盖丢了", categoryId: await CategoryAsync("B0101")));
        await xu.ActAsync(e, EventAction.Escalate, note: "请街道处理");
        var chaoyangCentre = await App.QueryAsync(db => db.OrgUnits.SingleAsync(u => u.Name == "朝阳街道综治中心"));
        Assert.Equal(chaoyangCentre.Id, (await App.QueryAsync(db => db.Events.SingleAsync(x => x.Id == e.Id))).HolderUnitId);

        var wang = await App.SignInAsync("wangjun");
        await (await wang.GetAsync($"/api/v1/events/{e.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}

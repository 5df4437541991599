using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>
/// Every change that puts work on someone's desk writes their notification in the same save (the
/// outbox): the right people, nobody else, and nothing when the change itself is refused.
/// </summary>
public sealed class WhoIsToldTests : AppTest
{
    private sealed record Told(NotificationKind Kind, long? EventId, string? Note, NotificationChannel[] Channels);

    private Task<List<Told>> ToldAsync(string userName) => App.QueryAsync(db =>
        db.Notifications.Where(n => n.RecipientId == db.Users.Single(u => u.UserName == userName).Id)
            .OrderBy(n => n.Id)
            .Select(n => new Told(n.Kind, n.EventId, n.Note, n.Deliveries.OrderBy(d => d.Channel).Select(d => d.Channel).ToArray()))
            .ToListAsync());

    private Task GivePhoneAsync(string userName, string? phone) => App.QueryAsync(db =>
        db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(set => set.SetProperty(u => u.PhoneNumber, phone)));

    [Fact]
    public async Task A_grid_workers_report_tells_the_community_head_in_app_and_by_sms_and_nobody_else()
    {
        await GivePhoneAsync("chenliting", "13805950004");
        var qiu = await App.SignInAsync("qiumeiling");

        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        var told = Assert.Single(await ToldAsync("chenliting"));
        Assert.Equal((NotificationKind.NewTodo, reported.Id), (told.Kind, told.EventId));
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Sms], told.Channels);
        Assert.Empty(await ToldAsync("qiumeiling"));
        Assert.Empty(await ToldAsync("huangyan"));
        Assert.Empty(await ToldAsync("wangjun"));
    }

    [Fact]
    public async Task Someone_without_a_phone_is_told_in_app_only()
    {
        await GivePhoneAsync("chenliting", null);
        var qiu = await App.SignInAsync("qiumeiling");

        await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        Assert.Equal([NotificationChannel.InApp], Assert.Single(await ToldAsync("chenliting")).Channels);
    }

    [Fact]
    public async Task The_whole_loop_tells_each_desk_it_reaches_and_keeps_the_reporter_informed()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var chen = await App.SignInAsync("chenliting");
        var centre = await App.SignInAsync("wangjun");
        var chengguan = await App.SignInAsync("liuqiang");
        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        var escalated = await chen.ActAsync(await chen.ActAsync(reported, EventAction.Accept), EventAction.Escalate, note: "上门劝导无果");
        var dispatched = await centre.ActAsync(await centre.GetEventAsync(reported.Id), EventAction.Dispatch, note: "请城管办处理", target: await UnitAsync("蓝田街道城管办"));
        var returned = await chengguan.ActAsync(dispatched, EventAction.Return, note: "不属于本办职责");
        var again = await centre.ActAsync(await centre.GetEventAsync(reported.Id), EventAction.Dispatch, note: "属于绿地管护，请处理", target: await UnitAsync("蓝田街道城管办"));
        var signed = await chengguan.ActAsync(again, EventAction.SignFor);
        var fedBack = await chengguan.ActAsync(signed, EventAction.Feedback, note: "已劝导拆除");
        var reworked = await qiu.ActAsync(await qiu.GetEventAsync(reported.Id), EventAction.Rework, note: "棚子还在");

        Assert.Equal([NotificationKind.NewTodo], (await ToldAsync("chenliting")).Select(t => t.Kind));
        Assert.Equal([NotificationKind.Escalated, NotificationKind.Returned], (await ToldAsync("wangjun")).Select(t => t.Kind));
        Assert.Equal("不属于本办职责", (await ToldAsync("wangjun"))[1].Note);
        Assert.Equal([NotificationKind.NewTodo, NotificationKind.NewTodo, NotificationKind.Rework], (await ToldAsync("liuqiang")).Select(t => t.Kind));
        // The grid worker checks on site, and as the reporter hears when her report is sent on.
        Assert.Equal([NotificationKind.ReportUpdated, NotificationKind.ReportUpdated, NotificationKind.VerificationRequested], (await ToldAsync("qiumeiling")).Select(t => t.Kind));
        Assert.All(await ToldAsync("qiumeiling"), t => Assert.Equal(reported.Id, t.EventId));
        Assert.Empty(await ToldAsync("linxiaohua"));
        Assert.Equal(EventStatus.Handling, reworked.Status);
        Assert.NotNull(escalated);
        Assert.NotNull(returned);
        Assert.NotNull(fedBack);
    }

    [Fact]
    public async Task A_summons_tells_the_lead_and_every_assisting_department()
    {
        var centre = await App.SignInAsync("wangjun");
        var chen = await App.SignInAsync("chenliting");
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        await chen.ActAsync(await chen.ActAsync(reported, EventAction.Accept), EventAction.Escalate, note: "需多部门联合处置");

        await centre.ActAsync(await centre.GetEventAsync(reported.Id), EventAction.Summon, note: "联合整治",
            target: await UnitAsync("蓝田街道城管办"), assists: [await UnitAsync("蓝田派出所"), await UnitAsync("蓝田市场监管所")]);

        foreach (var handler in new[] { "liuqiang", "zhoumin", "wuhong" })
        {
            Assert.Equal(NotificationKind.NewTodo, Assert.Single(await ToldAsync(handler)).Kind);
        }

        Assert.Empty(await ToldAsync("yangfan"));
    }

    [Fact]
    public async Task A_refused_transition_tells_nobody()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var accepted = await chen.ActAsync(reported, EventAction.Accept);

        var stale = await chen.TryAsync(reported.Id, EventAction.Escalate, new TransitionRequest(reported.Version, "旧表单"));
        var tooLong = await chen.TryAsync(reported.Id, EventAction.Escalate, new TransitionRequest(accepted.Version, new string('长', 5000)));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(await ToldAsync("wangjun"));
        Assert.Equal(1, await App.QueryAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task A_supervision_order_reaches_the_holding_unit_and_its_answer_reaches_the_issuer()
    {
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var centre = await App.SignInAsync("wangjun");

        var order = await centre.IssueAsync(reported.Id, "请今日内上门处理", App.Clock.GetUtcNow().AddDays(1));
        await (await App.SignInAsync("chenliting")).ReplyAsync(order.Id, "已上门");

        var toChen = (await ToldAsync("chenliting")).Last();
        Assert.Equal((NotificationKind.SupervisionOrder, "请今日内上门处理"), (toChen.Kind, toChen.Note));
        var toIssuer = Assert.Single(await ToldAsync("wangjun"));
        Assert.Equal((NotificationKind.SupervisionReplied, "已上门"), (toIssuer.Kind, toIssuer.Note));
        Assert.Equal(order.Id, await App.QueryAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.SupervisionOrder).Select(n => n.SupervisionOrderId).SingleAsync()));
    }

    [Fact]
    public async Task A_nearly_due_step_reminds_the_holder_once_and_a_passed_one_tells_holder_and_supervisor_once()
    {
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var halfway = (reported.StepDeadline!.Value - App.Clock.GetUtcNow().UtcDateTime) * 0.9;

        App.Clock.Advance(halfway);
        await Task.WhenAll(App.SweepAsync(), App.SweepAsync());
        await App.SweepAsync();
        Assert.Equal([NotificationKind.NewTodo, NotificationKind.DeadlineNear], (await ToldAsync("chenliting")).Select(t => t.Kind));

        App.Clock.Advance(TimeSpan.FromDays(5));
        await Task.WhenAll(App.SweepAsync(), App.SweepAsync());
        Assert.Equal([NotificationKind.NewTodo, NotificationKind.DeadlineNear, NotificationKind.Overdue], (await ToldAsync("chenliting")).Select(t => t.Kind));
        Assert.Equal([NotificationKind.Overdue], (await ToldAsync("wangjun")).Select(t => t.Kind));
    }

    [Fact]
    public async Task A_step_first_seen_already_overdue_gets_no_reminder_only_the_overdue_notice()
    {
        await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        App.Clock.Advance(TimeSpan.FromDays(5));
        await App.SweepAsync();

        Assert.Equal([NotificationKind.NewTodo, NotificationKind.Overdue], (await ToldAsync("chenliting")).Select(t => t.Kind));
    }
}

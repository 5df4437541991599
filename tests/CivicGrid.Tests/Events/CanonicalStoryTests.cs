using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Tests.Events;

/// <summary>PRODUCT.md's story, through the API, as the four people in it.</summary>
public sealed class CanonicalStoryTests : AppTest
{
    [Fact]
    public async Task Green_space_shed_goes_from_grid_report_to_evaluated_closure()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var chen = await App.SignInAsync("chenliting");
        var centre = await App.SignInAsync("wangjun");
        var chengguan = await App.SignInAsync("liuqiang");
        var grid3 = await SpotInGridAsync("毅阳社区", 3);
        var chengguanId = await UnitAsync("蓝田街道城管办");

        // 1. 邱美灵 reports with a photo.
        var reported = await qiu.ReportAsync(EventsClient.Report(grid3));
        await qiu.UploadAsync(reported.Id, "Before", ("shed.jpg", Images.Jpeg));
        Assert.Matches(@"^2026-\d{6}$", reported.Number);
        Assert.Equal(EventStatus.Reported, reported.Status);
        Assert.Equal("毅阳社区", reported.HolderUnitName);

        // 2. It is on 陈立婷's to-do list at once.
        var todo = await chen.GetFromJsonAsync<CivicGrid.Web.Infrastructure.Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.Contains(todo!.Items, e => e.Id == reported.Id);

        // 3. She accepts, visits, fails, escalates to the street centre.
        var accepted = await chen.ActAsync(await chen.GetEventAsync(reported.Id), EventAction.Accept);
        var escalated = await chen.ActAsync(accepted, EventAction.Escalate, note: "上门劝导无果，请街道协调");
        Assert.Equal("蓝田街道综治中心", escalated.HolderUnitName);

        // 4. The centre registers and dispatches to 城管办.
        var seen = await centre.GetEventAsync(reported.Id);
        Assert.Contains(EventAction.Dispatch, seen.AvailableActions);
        var dispatched = await centre.ActAsync(seen, EventAction.Dispatch, note: "请城管办上门处理", target: chengguanId);
        Assert.Equal(EventStatus.Dispatched, dispatched.Status);

        // 5. 城管办 signs for it, persuades the resident, reports back with evidence.
        var signed = await chengguan.ActAsync(await chengguan.GetEventAsync(reported.Id), EventAction.SignFor);
        var evidence = await chengguan.UploadAsync(reported.Id, "After", ("cleared.png", Images.Png));
        var fedBack = await chengguan.ActAsync(signed, EventAction.Feedback, note: "当晚上门劝导，当事人同意自行拆除", attachments: [.. evidence]);
        Assert.Equal(EventStatus.AwaitingVerification, fedBack.Status);
        Assert.Equal("第3网格", fedBack.HolderUnitName);

        // 6. Two days later 邱美灵 passes by, photographs the clear green space and closes it.
        App.Clock.Advance(TimeSpan.FromDays(2));
        qiu = await App.SignInAsync("qiumeiling");
        chen = await App.SignInAsync("chenliting");
        var after = await qiu.UploadAsync(reported.Id, "After", ("green.jpg", Images.Jpeg));
        var closed = await qiu.ActAsync(await qiu.GetEventAsync(reported.Id), EventAction.Verify, attachments: [.. after]);
        Assert.Equal(EventStatus.Closed, closed.Status);

        // 7. The event is evaluated.
        var evaluated = await chen.ActAsync(closed, EventAction.Evaluate, note: "居民满意", satisfaction: Satisfaction.Satisfied);
        Assert.Equal(EventStatus.Evaluated, evaluated.Status);

        Assert.Equal(
            [EventAction.Report, EventAction.Accept, EventAction.Escalate, EventAction.Dispatch, EventAction.SignFor, EventAction.Feedback, EventAction.Verify, EventAction.Evaluate],
            evaluated.Timeline.Select(t => t.Action));
        Assert.Equal(["邱美灵", "陈立婷", "陈立婷", "王军", "刘强", "刘强", "邱美灵", "陈立婷"], evaluated.Timeline.Select(t => t.ActorName));
        Assert.Equal(3, evaluated.Attachments.Count);
        Assert.Equal(evidence, evaluated.Timeline.Single(t => t.Action == EventAction.Feedback).AttachmentIds);
        Assert.Equal(await GridAsync("毅阳社区", 3), evaluated.GridId);
    }
}

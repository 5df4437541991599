using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Events;

/// <summary>Every account sees its own subtree and nothing else.</summary>
public sealed class ScopeTests : AppTest
{
    [Fact]
    public async Task Community_head_gets_404_for_another_communitys_event_and_cannot_touch_it()
    {
        var xu = await App.SignInAsync("xujing"); // 朝阳社区, another street
        var elsewhere = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1)));
        var chen = await App.SignInAsync("chenliting"); // 毅阳社区

        await (await chen.GetAsync($"/api/v1/events/{elsewhere.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryAsync(elsewhere.Id, EventAction.Accept, new TransitionRequest(elsewhere.Version))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryAsync(elsewhere.Id, EventAction.Void, new TransitionRequest(elsewhere.Version, "不是我们的"))).ShouldBeProblem(HttpStatusCode.NotFound);
        var search = await chen.GetFromJsonAsync<Page<EventSummary>>("/api/v1/events", ResponseAssertions.Json);
        Assert.DoesNotContain(search!.Items, e => e.Id == elsewhere.Id);

        var unchanged = await xu.GetEventAsync(elsewhere.Id);
        Assert.Equal(elsewhere.Version, unchanged.Version);
    }

    [Fact]
    public async Task Department_sees_only_what_was_dispatched_to_it()
    {
        var chen = await App.SignInAsync("chenliting");
        var dispatchedOne = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "占道经营"));
        var otherOne = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 2), title: "路灯不亮"));
        var escalated = await chen.ActAsync(dispatchedOne, EventAction.Escalate, note: "需要城管");
        var centre = await App.SignInAsync("wangjun");
        await centre.ActAsync(await centre.GetEventAsync(escalated.Id), EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));

        var chengguan = await App.SignInAsync("liuqiang");
        var police = await App.SignInAsync("zhoumin");

        var seenByChengguan = await chengguan.GetFromJsonAsync<Page<EventSummary>>("/api/v1/events", ResponseAssertions.Json);
        Assert.Equal([dispatchedOne.Id], seenByChengguan!.Items.Select(e => e.Id));
        await (await chengguan.GetAsync($"/api/v1/events/{otherOne.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await police.GetAsync($"/api/v1/events/{dispatchedOne.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Empty((await police.GetFromJsonAsync<Page<EventSummary>>("/api/v1/events", ResponseAssertions.Json))!.Items);
    }

    [Fact]
    public async Task Grid_worker_keeps_sight_of_a_report_filed_in_the_next_community()
    {
        var qiu = await App.SignInAsync("qiumeiling"); // 毅阳社区第3网格
        var nextDoor = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("檀林社区", 1)));

        Assert.Equal("檀林社区", nextDoor.CommunityName);
        Assert.Equal("檀林社区", nextDoor.HolderUnitName);
        Assert.Equal(nextDoor.Id, (await qiu.GetEventAsync(nextDoor.Id)).Id);
        var chen = await App.SignInAsync("chenliting");
        await (await chen.GetAsync($"/api/v1/events/{nextDoor.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var huang = await App.SignInAsync("huangyan"); // 檀林社区
        Assert.Contains((await huang.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json))!.Items, e => e.Id == nextDoor.Id);
    }

    [Fact]
    public async Task Attachments_of_an_invisible_event_are_invisible_too()
    {
        var xu = await App.SignInAsync("xujing");
        var elsewhere = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1)));
        var photo = (await xu.UploadAsync(elsewhere.Id, "Before", ("a.jpg", Images.Jpeg))).Single();
        var chen = await App.SignInAsync("chenliting");

        await (await chen.GetAsync($"/api/v1/events/{elsewhere.Id}/attachments/{photo}")).ShouldBeProblem(HttpStatusCode.NotFound);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Images.Jpeg), "files", "b.jpg" } };
        await (await chen.PostAsync($"/api/v1/events/{elsewhere.Id}/attachments", form)).ShouldBeProblem(HttpStatusCode.NotFound);
        var ownDownload = await xu.GetAsync($"/api/v1/events/{elsewhere.Id}/attachments/{photo}");
        await ownDownload.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(Images.Jpeg, await ownDownload.Content.ReadAsByteArrayAsync());
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Events;

/// <summary>One problem, one event: nearby reports are offered to join, and dispatchers merge what slipped through.</summary>
public sealed class DuplicateTests : AppTest
{
    [Fact]
    public async Task A_second_reporter_is_offered_the_open_event_nearby_and_joins_it_to_follow_its_progress()
    {
        var spot = await SpotInGridAsync("檀林社区", 1);
        var zheng = await App.SignInAsync("zhengwei"); // 檀林社区's grid worker
        var first = await zheng.ReportAsync(EventsClient.Report(spot, title: "消防通道被堵", categoryId: 11));
        var qiu = await App.SignInAsync("qiumeiling"); // 毅阳社区: cannot see 檀林's events
        await (await qiu.GetAsync($"/api/v1/events/{first.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);

        var offered = await (await qiu.GetAsync($"/api/v1/events/nearby?latitude={spot.Latitude + 0.0002}&longitude={spot.Longitude}&categoryId=11")).ShouldBe<List<NearbyEvent>>(HttpStatusCode.OK);

        var match = Assert.Single(offered);
        Assert.Equal(first.Number, match.Number);
        Assert.InRange(match.DistanceMetres, 15, 30);
        var joined = await (await qiu.PostAsync($"/api/v1/events/{first.Id}/join", null)).ShouldBe<EventDetail>(HttpStatusCode.OK);
        Assert.Equal(["邱美灵"], joined.CoReporterNames);
        Assert.Equal(EventAction.Join, joined.Timeline[^1].Action);
        Assert.Equal(first.Id, (await qiu.GetEventAsync(first.Id)).Id);
    }

    [Fact]
    public async Task Other_categories_far_places_and_finished_events_are_not_offered()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling");
        var chen = await App.SignInAsync("chenliting");
        await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 1));
        var finished = await chen.ReportAsync(EventsClient.Report(spot, categoryId: 2));
        finished = await chen.ActAsync(finished, EventAction.Accept);
        await chen.ActAsync(finished, EventAction.Close, note: "已处理");

        async Task<List<NearbyEvent>> OfferedAsync(double latitude, int categoryId) =>
            (await qiu.GetFromJsonAsync<List<NearbyEvent>>($"/api/v1/events/nearby?latitude={latitude}&longitude={spot.Longitude}&categoryId={categoryId}", ResponseAssertions.Json))!;

        Assert.Single(await OfferedAsync(spot.Latitude, 1));
        Assert.Empty(await OfferedAsync(spot.Latitude, 3));
        Assert.Empty(await OfferedAsync(spot.Latitude + 0.001, 1)); // about 110 m away
        Assert.Empty(await OfferedAsync(spot.Latitude, 2));
        App.Clock.Advance(TimeSpan.FromDays(8));
        qiu = await App.SignInAsync("qiumeiling");
        Assert.Empty(await OfferedAsync(spot.Latitude, 1));
    }

    [Fact]
    public async Task A_dispatcher_merges_a_duplicate_and_its_reporter_follows_the_survivor()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling");
        var lin = await App.SignInAsync("linxiaohua");
        var chen = await App.SignInAsync("chenliting");
        var survivor = await qiu.ReportAsync(EventsClient.Report(spot, title: "井盖丢了", categoryId: 6));
        var duplicate = await lin.ReportAsync(EventsClient.Report(spot, title: "路口井盖没了", categoryId: 6));

        var merged = await chen.ActAsync(await chen.GetEventAsync(duplicate.Id), EventAction.Merge, note: "同一个井盖", targetEvent: survivor.Id);

        Assert.Equal(EventStatus.Merged, merged.Status);
        Assert.Equal(survivor.Id, merged.MergedIntoId);
        Assert.Null(merged.HolderUnitId);
        Assert.Equal(survivor.Number, merged.Timeline[^1].TargetUnitName);
        var carriesOn = await chen.GetEventAsync(survivor.Id);
        Assert.Equal(["林晓华"], carriesOn.CoReporterNames);
        Assert.Equal(EventAction.MergedIn, carriesOn.Timeline[^1].Action);
        Assert.Equal(duplicate.Number, carriesOn.Timeline[^1].TargetUnitName);
        // The duplicate's timeline is kept, and its reporter still finds both.
        Assert.Equal(2, (await lin.GetEventAsync(duplicate.Id)).Timeline.Count);
        Assert.Equal(survivor.Id, (await lin.GetEventAsync(survivor.Id)).Id);
        var todo = await chen.GetFromJsonAsync<CivicGrid.Web.Infrastructure.Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.DoesNotContain(todo!.Items, e => e.Id == duplicate.Id);
    }

    [Fact]
    public async Task Merging_into_itself_an_unseen_or_a_finished_event_is_refused_and_changes_nothing()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var chen = await App.SignInAsync("chenliting");
        var xu = await App.SignInAsync("xujing");
        var duplicate = await chen.ReportAsync(EventsClient.Report(spot, categoryId: 6));
        var elsewhere = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1), categoryId: 6));
        var closed = await chen.ReportAsync(EventsClient.Report(spot, categoryId: 6));
        closed = await chen.ActAsync(await chen.ActAsync(closed, EventAction.Accept), EventAction.Close, note: "已修好");

        foreach (var target in new long?[] { duplicate.Id, elsewhere.Id, closed.Id, null })
        {
            await (await chen.TryAsync(duplicate.Id, EventAction.Merge, new TransitionRequest(duplicate.Version, "重复", TargetEventId: target))).ShouldBeProblem(HttpStatusCode.BadRequest);
        }

        Assert.Equal(EventStatus.Reported, (await chen.GetEventAsync(duplicate.Id)).Status);
        Assert.Equal(0, await App.QueryAsync(db => db.EventCoReporters.CountAsync()));
    }

    [Fact]
    public async Task A_grid_worker_cannot_merge()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling");
        var a = await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 6, source: "Resident"));
        var b = await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 6, source: "Resident"));

        await (await qiu.TryAsync(b.Id, EventAction.Merge, new TransitionRequest(b.Version, "重复", TargetEventId: a.Id))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_event_page_offers_the_nearby_duplicates_to_merge_into_and_merges_on_submit()
    {
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling");
        var survivor = await qiu.ReportAsync(EventsClient.Report(spot, title: "井盖丢了", categoryId: 6));
        var duplicate = await qiu.ReportAsync(EventsClient.Report(spot, title: "井盖又报了一次", categoryId: 6));
        var chen = await App.SignInToPagesAsync("chenliting");

        var page = await chen.GetStringAsync($"/Events/Detail/{duplicate.Id}");
        Assert.Contains($"<option value=\"{survivor.Id}\"", page);

        var posted = await chen.PostFormAsync($"/Events/Detail/{duplicate.Id}", $"/Events/Detail/{duplicate.Id}", new()
        {
            ["Input.Action"] = "Merge",
            ["Input.Version"] = duplicate.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TargetEventId"] = survivor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Note"] = "同一个井盖",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(EventStatus.Merged, (await qiu.GetEventAsync(duplicate.Id)).Status);
    }
}

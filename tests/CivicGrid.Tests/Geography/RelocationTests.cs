using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Tests.Geography;

/// <summary>Staff correct where an incident stands; the platform decides its place again and says so in the timeline.</summary>
public sealed class RelocationTests : AppTest
{
    [Fact]
    public async Task Moving_an_event_into_the_next_community_hands_it_to_that_community_and_records_it()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1)));
        var actual = await SpotInGridAsync("檀林社区", 3);

        var moved = await (await chen.TryAsync(reported.Id, EventAction.Relocate, new TransitionRequest(reported.Version, "地址报错了，实际在檀林社区", Latitude: actual.Latitude, Longitude: actual.Longitude, Address: "檀林社区 3 栋"))).ShouldBe<EventDetail>(HttpStatusCode.OK);

        // 陈立婷 handed it over and no longer sees it; she gets it back as she left it.
        Assert.Equal("檀林社区", moved.CommunityName);
        Assert.Equal("檀林社区", moved.HolderUnitName);
        Assert.Equal(EventAction.Relocate, moved.Timeline[^1].Action);
        Assert.Equal("檀林社区 · 第3网格", moved.Timeline[^1].TargetUnitName);
        await (await chen.GetAsync($"/api/v1/events/{reported.Id}")).ShouldBe(HttpStatusCode.OK); // she reported it
        var huang = await App.SignInAsync("huangyan");
        var todo = await huang.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.Contains(todo!.Items, e => e.Id == reported.Id);
    }

    [Fact]
    public async Task The_district_centre_places_an_unplaced_event_by_correcting_its_position()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var unplaced = await qiu.ReportAsync(EventsClient.Report(new Spot(24.6, 117.8)));
        var zhang = await App.SignInAsync("zhanghui");
        var actual = await SpotInGridAsync("朝阳社区", 2);

        var placed = await (await zhang.TryAsync(unplaced.Id, EventAction.Relocate, new TransitionRequest(unplaced.Version, "电话核实了位置", Latitude: actual.Latitude, Longitude: actual.Longitude, Address: "朝阳社区"))).ShouldBe<EventDetail>(HttpStatusCode.OK);

        Assert.Equal("朝阳社区", placed.CommunityName);
        Assert.Equal("朝阳社区", placed.HolderUnitName);
    }

    [Fact]
    public async Task A_relocation_without_a_valid_position_is_refused_and_changes_nothing()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1)));

        var problem = await (await chen.TryAsync(reported.Id, EventAction.Relocate, new TransitionRequest(reported.Version, "改位置", Latitude: 200, Longitude: null, Address: ""))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("latitude", out _) && errors.TryGetProperty("longitude", out _) && errors.TryGetProperty("address", out _), problem.ToString());
        var unchanged = await chen.GetEventAsync(reported.Id);
        Assert.Equal((reported.Latitude, reported.Longitude, reported.Version), (unchanged.Latitude, unchanged.Longitude, unchanged.Version));
    }
}

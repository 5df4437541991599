using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Geography;

/// <summary>The incident's coordinates decide its grid, community and street; the reporter's own place never does.</summary>
public sealed class IncidentPlacementTests : AppTest
{
    [Fact]
    public async Task A_grid_worker_reporting_in_the_next_community_sends_the_event_to_that_community()
    {
        var qiu = await App.SignInAsync("qiumeiling"); // 毅阳社区第3网格
        var nextDoor = await SpotInGridAsync("檀林社区", 2);

        var reported = await qiu.ReportAsync(EventsClient.Report(nextDoor));

        Assert.Equal("檀林社区", reported.CommunityName);
        Assert.Equal(await GridAsync("檀林社区", 2), reported.GridId);
        Assert.Equal("檀林社区", reported.HolderUnitName);
        var huang = await App.SignInAsync("huangyan"); // 檀林社区's head
        var todo = await huang.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.Contains(todo!.Items, e => e.Id == reported.Id);
        var chen = await App.SignInAsync("chenliting"); // 毅阳社区's head: not hers
        await (await chen.GetAsync($"/api/v1/events/{reported.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_preview_names_the_street_community_and_grid_before_anything_is_sent()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var spot = await SpotInGridAsync("毅阳社区", 3);

        var preview = await (await qiu.GetAsync($"/api/v1/places/resolve?latitude={spot.Latitude}&longitude={spot.Longitude}")).ShouldBe<PlacePreview>(HttpStatusCode.OK);

        Assert.True(preview.Placed);
        Assert.Equal(PlacementKind.Inside, preview.Placement);
        Assert.Equal(("蓝田街道", "毅阳社区", "第3网格"), (preview.StreetName, preview.CommunityName, preview.GridName));
        Assert.Equal(0, await App.QueryAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task A_point_just_outside_every_grid_goes_to_the_nearest_grid_within_the_tolerance()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        // The district outline's south-west corner is (24.4920, 117.6830); this is about 60 m beyond it.
        var justOutside = new Spot(24.4916, 117.6826);

        var reported = await qiu.ReportAsync(EventsClient.Report(justOutside));

        Assert.Equal("湘桥社区", reported.CommunityName);
        Assert.NotNull(reported.GridId);
    }

    [Fact]
    public async Task A_point_far_from_every_grid_waits_in_the_district_centres_unplaced_queue()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var farAway = new Spot(24.6000, 117.8000);

        var reported = await qiu.ReportAsync(EventsClient.Report(farAway));

        Assert.Null(reported.CommunityId);
        Assert.Null(reported.GridId);
        Assert.Equal("龙文区综治中心", reported.HolderUnitName);
        var district = await App.SignInAsync("zhanghui");
        var todo = await district.GetFromJsonAsync<Page<EventSummary>>("/api/v1/todo", ResponseAssertions.Json);
        Assert.Contains(todo!.Items, e => e.Id == reported.Id && e.CommunityName == null);
        var street = await App.SignInAsync("wangjun"); // 蓝田街道's centre: not placed there
        await (await street.GetAsync($"/api/v1/events/{reported.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("latitude=91&longitude=117.7", "latitude")]
    [InlineData("latitude=24.5&longitude=abc", "longitude")]
    [InlineData("longitude=117.7", "latitude")]
    public async Task The_preview_refuses_impossible_coordinates(string query, string field)
    {
        var qiu = await App.SignInAsync("qiumeiling");

        var problem = await (await qiu.GetAsync($"/api/v1/places/resolve?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.TryGetProperty("errors", out var errors) ? errors.TryGetProperty(field, out _) : true, problem.ToString());
    }

    [Fact]
    public async Task Address_search_finds_buildings_and_a_report_keeps_the_building_picked()
    {
        var qiu = await App.SignInAsync("qiumeiling");

        var matches = await (await qiu.GetAsync("/api/v1/places/addresses?q=" + Uri.EscapeDataString("毅阳社区3栋"))).ShouldBe<List<AddressMatch>>(HttpStatusCode.OK);
        var building = Assert.Single(matches);
        Assert.Equal("毅阳社区", building.CommunityName);
        Assert.Equal(3, building.Units.Count);

        var reported = await qiu.ReportAsync(EventsClient.Report(new Spot(building.Latitude, building.Longitude), buildingId: building.BuildingId));
        Assert.Equal(building.BuildingId, await App.QueryAsync(db => db.Events.Where(e => e.Id == reported.Id).Select(e => e.BuildingId).SingleAsync()));
        Assert.Equal(building.GridName, reported.GridName);
    }

    [Fact]
    public async Task The_map_gets_the_grids_of_a_window_as_geojson_and_a_bad_window_is_refused()
    {
        var chen = await App.SignInAsync("chenliting");

        var json = await (await chen.GetAsync("/api/v1/places/grids?bbox=117.68,24.49,117.75,24.54")).ShouldBe<System.Text.Json.JsonElement>(HttpStatusCode.OK);
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        Assert.Equal(19, json.GetProperty("features").GetArrayLength());

        await (await chen.GetAsync("/api/v1/places/grids?bbox=117.75,24.49,117.68,24.54")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }
}

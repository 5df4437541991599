using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Geography;
using Microsoft.AspNetCore.Hosting;

namespace CivicGrid.Tests.Geography;

/// <summary>The staff map shows the events a person can see, in a window, filtered, and never more than the limit.</summary>
public sealed class EventMapTests : AppTest
{
    /// <summary>A window around the whole demo district.</summary>
    private const string District = "117.68,24.48,117.75,24.54";

    [Fact]
    public async Task A_community_head_sees_none_of_another_communitys_events()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var xu = await App.SignInAsync("xujing"); // head of 朝阳社区
        var inYiyang = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var inChaoyang = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1), categoryId: 3, urgency: "Critical"));

        var chen = await MapAsync(await App.SignInAsync("chenliting"), $"bbox={District}");
        var xujing = await MapAsync(xu, $"bbox={District}");
        var district = await MapAsync(await App.SignInAsync("zhanghui"), $"bbox={District}");

        Assert.Equal([inYiyang.Id], chen.Events.Select(e => e.Id));
        Assert.Equal([inChaoyang.Id], xujing.Events.Select(e => e.Id));
        Assert.Equal([inYiyang.Id, inChaoyang.Id], district.Events.Select(e => e.Id).Order());
        var marker = Assert.Single(xujing.Events);
        Assert.Equal(
            new MapEvent(inChaoyang.Id, inChaoyang.Number, inChaoyang.Latitude, inChaoyang.Longitude, EventStatus.Reported, Urgency.Critical, 3),
            marker);
        Assert.False(xujing.TooMany);
    }

    [Fact]
    public async Task The_window_category_status_and_period_narrow_the_markers()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var chen = await App.SignInAsync("chenliting");
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var green = await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 1));
        var garbage = await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 3));
        await chen.ActAsync(await chen.GetEventAsync(garbage.Id), EventAction.Accept);
        App.Clock.Advance(TimeSpan.FromDays(10)); // 2026-12-03 in Beijing; tokens last eight hours
        var later = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(spot, categoryId: 1));
        chen = await App.SignInAsync("chenliting");
        var around = FormattableString.Invariant($"{spot.Longitude - 0.001},{spot.Latitude - 0.001},{spot.Longitude + 0.001},{spot.Latitude + 0.001}");

        Assert.Equal([green.Id, garbage.Id, later.Id], await IdsAsync(chen, $"bbox={around}"));
        Assert.Empty(await IdsAsync(chen, "bbox=117.60,24.40,117.61,24.41"));
        Assert.Equal([green.Id, later.Id], await IdsAsync(chen, $"bbox={around}&categoryId=1"));
        Assert.Equal([garbage.Id], await IdsAsync(chen, $"bbox={around}&status=Handling"));
        Assert.Equal([green.Id, garbage.Id, later.Id], await IdsAsync(chen, $"bbox={around}&status=Reported&status=Handling"));
        Assert.Equal([later.Id], await IdsAsync(chen, $"bbox={around}&from=2026-12-03"));
        Assert.Equal([green.Id, garbage.Id], await IdsAsync(chen, $"bbox={around}&from=2026-11-23&to=2026-11-23"));
        Assert.Empty(await IdsAsync(chen, $"bbox={around}&to=2026-11-22"));
    }

    [Fact]
    public async Task Past_the_limit_the_map_shows_the_newest_and_says_there_are_too_many()
    {
        var app = App.WithWebHostBuilder(host => host.UseSetting("Geography:MapMaxEvents", "2"));
        var qiu = await SignInAsync(app, "qiumeiling");
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var reported = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            reported.Add((await qiu.ReportAsync(EventsClient.Report(spot))).Id);
            App.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var map = await MapAsync(qiu, $"bbox={District}");

        Assert.Equal((true, 2), (map.TooMany, map.Max));
        Assert.Equal([reported[2], reported[1]], map.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task A_window_or_period_that_makes_no_sense_is_a_bad_request()
    {
        var chen = await App.SignInAsync("chenliting");

        var noWindow = await (await chen.GetAsync("/api/v1/map/events")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var upsideDown = await (await chen.GetAsync($"/api/v1/map/events?bbox=117.75,24.54,117.68,24.48")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var backwards = await (await chen.GetAsync($"/api/v1/map/events?bbox={District}&from=2026-11-30&to=2026-11-01")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.GetAsync($"/api/v1/map/events?bbox={District}&status=Lost")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(noWindow.GetProperty("errors").TryGetProperty("bbox", out _));
        Assert.True(upsideDown.GetProperty("errors").TryGetProperty("bbox", out _));
        Assert.True(backwards.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task The_map_page_answers_its_script_with_the_same_scoped_markers()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var xu = await App.SignInAsync("xujing");
        var mine = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: "井盖丢了"));
        var theirs = await xu.ReportAsync(EventsClient.Report(await SpotInGridAsync("朝阳社区", 1)));
        var chen = await App.SignInToPagesAsync("chenliting");

        var page = await chen.GetAsync("/Geography/Map");
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"event-map\"", html);
        Assert.Contains("data-testid=\"nav-map\"", html);
        Assert.Contains("value=\"2026-10-24\"", html); // the last thirty days by default

        var markers = await (await chen.GetAsync($"/Geography/Map?handler=Events&bbox={District}")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        var marker = Assert.Single(markers.GetProperty("events").EnumerateArray());
        Assert.Equal(mine.Id, marker.GetProperty("id").GetInt64());
        Assert.Equal("Reported", marker.GetProperty("status").GetString());
        Assert.Equal("Normal", marker.GetProperty("urgency").GetString());

        var popup = await (await chen.GetAsync($"/Geography/Map?handler=Event&id={mine.Id}")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.Equal(("井盖丢了", mine.Number, $"/Events/Detail/{mine.Id}", "待受理"),
            (popup.GetProperty("title").GetString(), popup.GetProperty("number").GetString(), popup.GetProperty("url").GetString(), popup.GetProperty("status").GetString()));
        await (await chen.GetAsync($"/Geography/Map?handler=Event&id={theirs.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var grids = await (await chen.GetAsync($"/Geography/Map?handler=Grids&bbox={District}")).ShouldBe<JsonElement>(HttpStatusCode.OK);
        Assert.NotEmpty(grids.GetProperty("features").EnumerateArray());
    }

    private static async Task<MapEvents> MapAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/map/events?{query}")).ShouldBe<MapEvents>(HttpStatusCode.OK);

    private static async Task<List<long>> IdsAsync(HttpClient client, string query) =>
        (await MapAsync(client, query)).Events.Select(e => e.Id).Order().ToList();

    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient();
        var response = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { userName, password = CivicGrid.Web.Demo.DemoData.Password }));
        var token = await response.ShouldBe<JsonElement>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}

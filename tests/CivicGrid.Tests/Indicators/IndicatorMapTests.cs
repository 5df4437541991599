using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>The indicators map: each grid's counts are the dashboard's by-place figures, and a unit out of reach does not exist.</summary>
public sealed class IndicatorMapTests : IAsyncLifetime
{
    private const string Week = "from=2026-11-23&to=2026-11-29";

    private CivicGridFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task A_communitys_grids_count_what_its_dashboard_counts_by_place()
    {
        var (grid1, grid3) = await BuildAWeekAsync();
        var chen = await App.SignInAsync("chenliting");

        var report = await chen.IndicatorsAsync(Week);
        var map = await (await chen.GetAsync($"/api/v1/indicators/map?{Week}")).ShouldBe<MapView>(HttpStatusCode.OK);

        Assert.Equal(report.Unit, map.Unit);
        // 毅阳社区 has four grids, every one listed (with its boundary) whether or not anything was reported there.
        Assert.Equal(4, map.Grids.Count);
        Assert.All(map.Grids, g => Assert.Equal(JsonValueKind.Object, g.Area.ValueKind));
        foreach (var grid in map.Grids)
        {
            var row = report.ByPlace.SingleOrDefault(r => r.Key == grid.Id)?.Figures;
            Assert.Equal((row?.Received ?? 0, row?.Closed ?? 0, row?.ClosedOnTime ?? 0, row?.OnTimeRate), (grid.Received, grid.Closed, grid.ClosedOnTime, grid.OnTimeRate));
        }

        // Grid 1: one closed on time, one open; grid 3: one solved on the spot.
        Assert.Equal((2, 1, 1, 1.0), Figures(map, grid1));
        Assert.Equal((1, 1, 1, 1.0), Figures(map, grid3));
        Assert.All(map.Grids.Where(g => g.Id != grid1 && g.Id != grid3), g => Assert.Equal((0, 0, 0, (double?)null), Figures(g)));
        // Every event reported in the week is in exactly one heat cell.
        Assert.Equal(report.Totals.Received, map.Heat.Sum(c => c.Count));
    }

    [Fact]
    public async Task The_map_page_lists_the_grids_with_links_to_their_events()
    {
        var (grid1, _) = await BuildAWeekAsync();
        var yiyang = await App.IdOfUnitAsync("毅阳社区");
        var street = await App.IdOfUnitAsync("蓝田街道");

        var page = await (await (await App.SignInToPagesAsync("chenliting")).GetAsync($"/Indicators/Map?{Week}")).ShouldBePage(HttpStatusCode.OK);
        var streetPage = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync($"/Indicators/Map?unitId={street}&{Week}")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(4, CountOf(page, "data-testid=\"indicator-map-grid\""));
        // A community's grids are its children: the drill-down is a row of its by-place breakdown.
        Assert.Contains($"/Indicators/Events?unitId={yiyang}&amp;from=2026-11-23&amp;to=2026-11-29&amp;indicator=Received&amp;by=Place&amp;key={grid1}", page);
        // A street's grids are two levels down: the drill-down is the grid's own figures.
        Assert.Contains($"/Indicators/Events?unitId={grid1}&amp;from=2026-11-23&amp;to=2026-11-29&amp;indicator=Received\"", streetPage);
        // The script's data: the API's shape, in the page.
        var json = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/json\" id=\"indicator-map-data\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        using var data = JsonDocument.Parse(json);
        var grids = data.RootElement.GetProperty("grids");
        Assert.Equal(4, grids.GetArrayLength());
        Assert.All(grids.EnumerateArray(), g => Assert.Equal("Polygon", g.GetProperty("area").GetProperty("type").GetString()));
        Assert.Equal(3, data.RootElement.GetProperty("heat").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.Contains("/lib/leaflet.heat/leaflet-heat", page);
    }

    [Fact]
    public async Task A_departments_map_holds_the_grids_of_the_events_it_led_without_grid_drill_downs()
    {
        var (grid1, _) = await BuildAWeekAsync();
        var chen = await App.SignInAsync("chenliting");
        var b = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(await App.SpotInGridAsync(grid1), title: "占道经营")), EventAction.Escalate, note: "请街道处理");
        var centre = await App.SignInAsync("wangjun");
        await centre.ActAsync(await centre.ActAsync(await centre.GetEventAsync(b.Id), EventAction.Register), EventAction.Dispatch, target: await App.IdOfUnitAsync("蓝田街道城管办"));

        var map = await (await (await App.SignInAsync("liuqiang")).GetAsync($"/api/v1/indicators/map?{Week}")).ShouldBe<MapView>(HttpStatusCode.OK);
        var page = await (await (await App.SignInToPagesAsync("liuqiang")).GetAsync($"/Indicators/Map?{Week}")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal([(grid1, 1)], map.Grids.Select(g => (g.Id, g.Received)));
        Assert.Equal(1, map.Heat.Sum(c => c.Count));
        Assert.Equal(1, CountOf(page, "data-testid=\"indicator-map-grid\""));
        // Its events in a grid are no cell of a dashboard: the numbers stand without links.
        Assert.DoesNotContain("/Indicators/Events?", page);
    }

    [Fact]
    public async Task Another_communitys_map_does_not_exist_for_a_community_head()
    {
        var tanlin = await App.IdOfUnitAsync("檀林社区");
        var chen = await App.SignInAsync("chenliting");

        await (await chen.GetAsync($"/api/v1/indicators/map?unitId={tanlin}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await App.SignInToPagesAsync("chenliting")).GetAsync($"/Indicators/Map?unitId={tanlin}")).ShouldBe(HttpStatusCode.NotFound);
        await (await chen.GetAsync("/api/v1/indicators/map?from=2026-11-23&to=2026-11-01")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var refused = await (await (await App.SignInToPagesAsync("chenliting")).GetAsync("/Indicators/Map?from=2026-11-23&to=2026-11-01")).ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("data-testid=\"indicator-map-refusal\"", refused);
    }

    private static (int, int, int, double?) Figures(MapView map, int gridId) => Figures(map.Grids.Single(g => g.Id == gridId));

    private static (int, int, int, double?) Figures(MapGridView g) => (g.Received, g.Closed, g.ClosedOnTime, g.OnTimeRate);

    private static int CountOf(string page, string what) => (page.Length - page.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    /// <summary>毅阳社区 on Monday 23 November: in grid 1 one event accepted and closed, one left open; in grid 3 one solved on the spot.</summary>
    private async Task<(int Grid1, int Grid3)> BuildAWeekAsync()
    {
        var grid1 = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第1网格").Select(u => u.Id).SingleAsync());
        var grid3 = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        var chen = await App.SignInAsync("chenliting");
        var qiu = await App.SignInAsync("qiumeiling");

        var a = await chen.ActAsync(await chen.ReportAsync(EventsClient.Report(await App.SpotInGridAsync(grid1))), EventAction.Accept);
        await chen.ActAsync(a, EventAction.Close, note: "已处理");
        await chen.ReportAsync(EventsClient.Report(await App.SpotInGridAsync(grid1), title: "路灯不亮"));
        await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", EventsClient.Report(await App.SpotInGridAsync(grid3), title: "楼道杂物", description: "已劝说住户清理楼道杂物")))
            .ShouldBe<EventDetail>(HttpStatusCode.Created);
        return (grid1, grid3);
    }

    /// <summary>The map as the API sends it; the boundary is read as plain JSON (the test client has no GeoJSON converter).</summary>
    private sealed record MapView(IndicatorUnitView Unit, DateOnly From, DateOnly To, List<MapGridView> Grids, List<HeatCell> Heat);

    private sealed record MapGridView(int Id, string Name, int? CommunityId, string? CommunityName, int Received, int Closed, int ClosedOnTime, double? OnTimeRate, JsonElement Area);
}

using System.Text;
using CivicGrid.Tests.Geography;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;

namespace CivicGrid.BrowserTests;

/// <summary>The grid import preview, the staff map and building administration on 360 px phones, with no map tiles configured.</summary>
public sealed class GeographyPagesInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Yiyang = "350603001001";

    [Fact]
    public async Task An_administrator_sees_a_broken_file_on_the_map_then_imports_a_clean_one_after_accepting_its_warning()
    {
        var yiyang = await YiyangGridsAsync();
        var grid1 = yiyang[0].Area!;
        var admin = await host.PhoneOfAsync("admin");
        await admin.GetByTestId("nav-grids").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("export-grids")).ToBeVisibleAsync();

        // A fifth grid drawn over the first: an error, shown in red on the map and in the table; no way to confirm.
        var overlapping = GridFile.Write([.. yiyang, new GridFeature("350603001001005", "第5网格", Yiyang, GridImportTests.Square(grid1.InteriorPoint.Coordinate, 0.0008))]);
        await UploadAsync(admin, overlapping);
        await Assertions.Expect(admin.GetByTestId("import-preview")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#import-map path.grid-error")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("#import-map path.grid-ok")).ToHaveCountAsync(4);
        var overlap = admin.Locator("[data-testid=import-problem][data-reason='Grid.Overlap']");
        await Assertions.Expect(overlap).ToContainTextAsync("与同一社区的另一网格重叠");
        await Assertions.Expect(overlap).ToContainTextAsync("350603001001005");
        await Assertions.Expect(admin.GetByTestId("import-blocked")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("confirm-import")).ToHaveCountAsync(0);
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the import preview scrolls sideways on a phone");

        // The fifth grid cut out of the first, and a hole left in the second: a gap, a warning to accept.
        var piece = grid1.Intersection(GridImportTests.Square(grid1.InteriorPoint.Coordinate, 0.0008));
        var grid2 = yiyang[1].Area!;
        var clean = GridFile.Write(
        [
            yiyang[0] with { Area = grid1.Difference(piece) },
            yiyang[1] with { Area = grid2.Difference(GridImportTests.Square(grid2.InteriorPoint.Coordinate, 0.0004)) },
            .. yiyang.Skip(2),
            new GridFeature("350603001001005", "第5网格", Yiyang, piece),
        ]);
        await UploadAsync(admin, clean);
        await Assertions.Expect(admin.Locator("#import-map path.grid-ok")).ToHaveCountAsync(5);
        await Assertions.Expect(admin.Locator("#import-map path.problem-warning")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("[data-testid=import-problem][data-reason='Grid.Gap']")).ToContainTextAsync("社区内有区域不属于任何网格");
        await Assertions.Expect(admin.Locator("[data-testid=import-row][data-action=Create]")).ToContainTextAsync("将在“毅阳社区”下新建网格");

        // Confirming without ticking the box does nothing; ticking it imports.
        await admin.GetByTestId("confirm-import").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("import-done")).ToHaveCountAsync(0);
        await admin.GetByTestId("accept-warnings").CheckAsync();
        await admin.GetByTestId("confirm-import").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("import-done")).ToHaveTextAsync("导入完成：新建 1，更新 2，无变化 2");
        Assert.True(await host.App.QueryAsync(db => db.OrgUnits.AnyAsync(u => u.Code == "350603001001005")));
    }

    [Fact]
    public async Task A_community_head_sees_her_events_and_grids_on_the_map_and_opens_an_event_from_its_marker()
    {
        var qiu = await host.App.SignInAsync("qiumeiling");
        var reported = new List<CivicGrid.Web.Events.EventDetail>();
        for (var n = 1; n <= 3; n++)
        {
            var spot = await host.App.SpotInGridAsync(await GridIdAsync("毅阳社区", n));
            reported.Add(await qiu.ReportAsync(EventsClient.Report(spot, title: $"毅阳社区第{n}网格的事件", urgency: n == 1 ? "Critical" : "Normal")));
        }

        var elsewhere = await (await host.App.SignInAsync("xujing")).ReportAsync(EventsClient.Report(await host.App.SpotInGridAsync(await GridIdAsync("朝阳社区", 1))));

        var chen = await host.PhoneOfAsync("chenliting");
        await chen.GetByTestId("nav-map").ClickAsync();
        var map = chen.GetByTestId("event-map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(map).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("map-plain"));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-events", "3");
        await Assertions.Expect(chen.GetByTestId("map-status-line")).ToHaveTextAsync("地图范围内共 3 件事件");
        Assert.True(await chen.Locator("#event-map path.grid-boundary").CountAsync() >= 4, "the grid boundaries are drawn");
        Assert.True(await chen.Locator("#event-map .event-marker, #event-map .event-cluster").CountAsync() >= 1, "the events are drawn");
        await Assertions.Expect(chen.Locator($"#event-map [title='{elsewhere.Number}']")).ToHaveCountAsync(0);
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the map page scrolls sideways on a phone");

        // The critical event's marker, out of its cluster if it is in one, leads to the event.
        var critical = reported[0];
        var marker = chen.Locator($"#event-map .event-marker[title='{critical.Number}']");
        for (var tries = 0; tries < 4 && await marker.CountAsync() == 0; tries++)
        {
            await chen.Locator("#event-map .event-cluster").First.ClickAsync();
            await chen.WaitForTimeoutAsync(800);
        }

        await Assertions.Expect(marker).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("urgency-Critical"));
        await marker.ClickAsync();
        await Assertions.Expect(chen.Locator(".event-popup")).ToContainTextAsync("毅阳社区第1网格的事件");
        await chen.GetByTestId("map-event-link").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("event-number")).ToHaveTextAsync(critical.Number);

        // Filtered to closed events, the map is empty.
        await chen.GotoAsync("/Geography/Map");
        await chen.GetByTestId("map-status").SelectOptionAsync("Closed");
        await Assertions.Expect(chen.GetByTestId("event-map")).ToHaveAttributeAsync("data-events", "0");
        await Assertions.Expect(chen.GetByTestId("map-status-line")).ToHaveTextAsync("地图范围内共 0 件事件");
    }

    [Fact]
    public async Task An_administrator_puts_a_new_building_on_the_map_fills_its_units_and_finds_it_in_the_list()
    {
        var spot = await host.App.SpotInGridAsync(await GridIdAsync("檀林社区", 2));
        var admin = await host.PhoneOfAsync("admin");
        await admin.GetByTestId("nav-building-admin").ClickAsync();
        await admin.GetByTestId("community").SelectOptionAsync(new SelectOptionValue { Label = "蓝田街道 · 檀林社区" });
        await admin.GetByTestId("show-community").ClickAsync();
        var map = admin.GetByTestId("building-map");
        await Assertions.Expect(map).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#building-map path.grid-boundary").First).ToBeAttachedAsync();

        // A click drops the pin and says where it stands; dragging it moves the point.
        await map.ClickAsync();
        var pin = admin.Locator("#building-map .leaflet-marker-icon");
        await Assertions.Expect(pin).ToHaveCountAsync(1);
        await Assertions.Expect(admin.GetByTestId("building-place")).Not.ToBeEmptyAsync();
        var dropped = await admin.GetByTestId("latitude").InputValueAsync();
        var at = (await pin.BoundingBoxAsync())!;
        await admin.Mouse.MoveAsync(at.X + (at.Width / 2), at.Y + (at.Height / 2));
        await admin.Mouse.DownAsync();
        await admin.Mouse.MoveAsync(at.X + (at.Width / 2) + 20, at.Y + (at.Height / 2) + 30, new() { Steps = 5 });
        await admin.Mouse.UpAsync();
        await Assertions.Expect(admin.GetByTestId("latitude")).Not.ToHaveValueAsync(dropped);

        // The exact point typed in: the pin follows and the grid shows before saving.
        await admin.GetByTestId("latitude").FillAsync(spot.Latitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByTestId("longitude").FillAsync(spot.Longitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByTestId("longitude").PressAsync("Tab");
        await Assertions.Expect(admin.GetByTestId("building-place")).ToHaveTextAsync("位于：蓝田街道 · 檀林社区 · 第2网格");

        await admin.GetByTestId("building-name").FillAsync("18栋");
        await admin.GetByTestId("building-address").FillAsync("蓝田街道檀林社区18栋");
        await admin.GetByTestId("unit-count").FillAsync("3");
        await admin.GetByTestId("fill-units").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("building-units")).ToHaveValueAsync("1单元\n2单元\n3单元");
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the building form scrolls sideways on a phone");
        await admin.GetByTestId("save-building").ClickAsync();

        await Assertions.Expect(admin.GetByTestId("building-saved")).ToHaveTextAsync("已保存“18栋”：檀林社区 · 第2网格");
        var row = admin.GetByTestId("building").Filter(new() { Has = admin.GetByTestId("building-title").GetByText("18栋", new() { Exact = true }) });
        await Assertions.Expect(row.GetByTestId("building-grid")).ToHaveTextAsync("第2网格 · 3 个单元");
        await Assertions.Expect(row.GetByTestId("building-unit-names").Locator("li")).ToHaveTextAsync(["1单元", "2单元", "3单元"]);
        Assert.True(await admin.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the building list scrolls sideways on a phone");
        Assert.Equal(await GridIdAsync("檀林社区", 2), await host.App.QueryAsync(db => db.Buildings.Where(b => b.Name == "18栋").Select(b => b.GridId).SingleAsync()));
    }

    private Task<int> GridIdAsync(string community, int n) =>
        host.App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == community && u.Name == $"第{n}网格").Select(u => u.Id).SingleAsync());

    /// <summary>毅阳社区's grids as the export writes them, in code order.</summary>
    private async Task<List<GridFeature>> YiyangGridsAsync()
    {
        var grids = await host.App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Code == Yiyang)
            .Join(db.GridBoundaries, u => u.Id, b => b.GridId, (u, b) => new { u.Code, u.Name, b.Area })
            .ToListAsync());
        return grids.OrderBy(g => g.Code, StringComparer.Ordinal).Select(g => new GridFeature(g.Code, g.Name, Yiyang, g.Area)).ToList();
    }

    private static async Task UploadAsync(IPage page, string file)
    {
        await page.GetByTestId("grid-file").SetInputFilesAsync(new FilePayload { Name = "grids.geojson", MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(file) });
        await page.GetByTestId("preview-import").ClickAsync();
        await page.WaitForURLAsync("**/Geography/GridImport?upload=*");
    }
}

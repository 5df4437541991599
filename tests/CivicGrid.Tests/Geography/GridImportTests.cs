using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// An administrator replaces grid areas with a GeoJSON file: checked feature by feature against
/// the file itself and the platform, imported whole or not at all, and exported in the same format.
/// </summary>
public sealed class GridImportTests : AppTest
{
    private const string Yiyang = "350603001001";
    private const string Chaoyang = "350603002001";
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    [Fact]
    public async Task The_export_is_every_grid_of_the_administrators_subtree_in_the_import_format()
    {
        var admin = await App.SignInAsync("admin");

        var response = await admin.GetAsync("/api/v1/admin/grids/export");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("grids-20261123.geojson", response.Content.Headers.ContentDisposition?.FileName);
        var reading = GridFile.Read(await response.Content.ReadAsStringAsync());
        Assert.Empty(reading.Problems);
        Assert.Equal(await App.QueryAsync(db => db.GridBoundaries.CountAsync()), reading.Features.Count);
        var first = reading.Features[0];
        Assert.Equal(("350603001001001", "第1网格", Yiyang), (first.Code, first.Name, first.Parent));
        Assert.Equal(reading.Features.Select(f => f.Code).Order(StringComparer.Ordinal), reading.Features.Select(f => f.Code));
    }

    [Fact]
    public async Task Importing_the_exported_file_again_changes_nothing()
    {
        var admin = await App.SignInAsync("admin");
        var exported = await admin.GetStringAsync("/api/v1/admin/grids/export");
        var before = await StoredAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));

        var report = await (await TryImportAsync(admin, exported, dryRun: false)).ShouldBe<GridImportReport>(HttpStatusCode.OK);

        Assert.True(report.Imported);
        Assert.Empty(report.Problems);
        Assert.Equal((0, 0, report.Features.Count), (report.Created, report.Updated, report.Unchanged));
        Assert.All(report.Features, f => Assert.Equal(GridImportAction.Unchanged, f.Action));
        Assert.Equal(before, await StoredAsync());
        Assert.Equal(exported, await admin.GetStringAsync("/api/v1/admin/grids/export"));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused_with_its_problem_and_nothing_is_stored()
    {
        var admin = await App.SignInAsync("admin");
        var before = await StoredAsync();

        var problem = await (await TryImportAsync(admin, "code,name,parent\n350603001001001,第1网格,350603001001", dryRun: false)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        var only = Assert.Single(Problems(problem));
        Assert.Equal((null, ProblemSeverity.Error, "Grid.File.NotJson"), (only.Index, only.Severity, only.Reason));
        Assert.Equal("文件不是有效的 JSON", only.Message);
        Assert.Equal("文件有 1 处错误，未导入任何内容", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Every_problem_of_a_broken_file_is_listed_by_feature_and_nothing_is_stored()
    {
        // An administrator of 蓝田街道: 朝阳社区 belongs to another street.
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("lantian-admin", "Administrator", await UnitAsync("蓝田街道"));
        var street = await App.SignInAsync("lantian-admin", "Start@2026");
        var yiyang = await ExportedAsync(admin, Yiyang);
        var grid1 = yiyang[0];
        var bowTie = Wgs84.CreatePolygon([new(117.700, 24.500), new(117.701, 24.501), new(117.701, 24.500), new(117.700, 24.501), new(117.700, 24.500)]);
        var file = GridFile.Write(
        [
            grid1 with { Name = "第一网格" },
            new GridFeature("350603001001005", "第5网格", Yiyang, Square(grid1.Area!.InteriorPoint.Coordinate, 0.0004)),
            new GridFeature("350603001001006", "第6网格", Yiyang, bowTie),
            new GridFeature("350603001009001", "第1网格", "350603001009", Square(new Coordinate(117.75, 24.55), 0.001)),
            (await ExportedAsync(admin, Chaoyang))[0],
        ]);
        var before = await StoredAsync();

        var problem = await (await TryImportAsync(street, file, dryRun: false, acceptWarnings: true)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            [
                (1, "350603001001005", "Grid.Overlap"),
                (2, "350603001001006", "Grid.InvalidGeometry"),
                (3, "350603001009001", "Grid.Import.UnknownParent"),
                (4, Chaoyang + "001", "Grid.Import.ParentOutOfScope"),
            ],
            Problems(problem).Select(p => (p.Index!.Value, p.Code, p.Reason)));
        Assert.All(Problems(problem), p => Assert.Equal(ProblemSeverity.Error, p.Severity));
        Assert.Equal("文件有 4 处错误，未导入任何内容", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_dry_run_says_what_an_import_would_do_and_stores_nothing()
    {
        var admin = await App.SignInAsync("admin");
        var (file, _) = await CarveNewGridAsync(admin);
        var before = await StoredAsync();

        var report = await (await TryImportAsync(admin, file, dryRun: true)).ShouldBe<GridImportReport>(HttpStatusCode.OK);

        Assert.False(report.Imported);
        Assert.Empty(report.Problems);
        Assert.Equal((1, 1, 3), (report.Created, report.Updated, report.Unchanged));
        var created = Assert.Single(report.Features, f => f.Action == GridImportAction.Create);
        Assert.Equal(("350603001001005", "第5网格", "毅阳社区"), (created.Code, created.Name, created.CommunityName));
        Assert.True(Assert.Single(report.Features, f => f.Action == GridImportAction.Update).AreaChanged);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_clean_import_updates_the_areas_and_the_next_report_lands_in_the_new_grid()
    {
        var admin = await App.SignInAsync("admin");
        var qiu = await App.SignInAsync("qiumeiling");
        var (file, piece) = await CarveNewGridAsync(admin);
        var inPiece = piece.InteriorPoint;
        // Before: the spot is in 毅阳社区's first grid.
        var earlier = await qiu.ReportAsync(EventsClient.Report(new Spot(inPiece.Y, inPiece.X)));
        Assert.Equal(await GridAsync("毅阳社区", 1), earlier.GridId);

        var report = await (await TryImportAsync(admin, file, dryRun: false)).ShouldBe<GridImportReport>(HttpStatusCode.OK);

        Assert.True(report.Imported);
        var grid5 = await GridAsync("毅阳社区", 5);
        var stored = await App.QueryAsync(db => db.GridBoundaries.SingleAsync(b => b.GridId == grid5));
        Assert.True(stored.Area.EqualsTopologically(piece));
        var unit = await App.QueryAsync(db => db.OrgUnits.Include(u => u.Parent).SingleAsync(u => u.Id == grid5));
        Assert.Equal(("350603001001005", "毅阳社区", $"{unit.Parent!.Path}{grid5}/"), (unit.Code, unit.Parent.Name, unit.Path));
        var grid1 = await App.QueryAsync(async db => (await db.GridBoundaries.SingleAsync(b => b.GridId == earlier.GridId)).Area);
        Assert.False(grid1.Contains(inPiece));
        var later = await qiu.ReportAsync(EventsClient.Report(new Spot(inPiece.Y, inPiece.X)));
        Assert.Equal((grid5, "第5网格", "毅阳社区"), (later.GridId!.Value, later.GridName, later.CommunityName));
    }

    [Fact]
    public async Task Warnings_are_imported_only_when_the_administrator_accepts_them()
    {
        var admin = await App.SignInAsync("admin");
        var yiyang = await ExportedAsync(admin, Yiyang);
        var grid2 = yiyang[1].Area!;
        var holed = grid2.Difference(Square(grid2.InteriorPoint.Coordinate, 0.0004));
        var file = GridFile.Write([yiyang[1] with { Area = holed }]);
        var before = await StoredAsync();

        var refused = await (await TryImportAsync(admin, file, dryRun: false)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        var gap = Assert.Single(Problems(refused));
        Assert.Equal((null, Yiyang, ProblemSeverity.Warning, "Grid.Gap"), (gap.Index, gap.Code, gap.Severity, gap.Reason));
        Assert.Equal("文件有 1 处警告，确认接受警告后才能导入", refused.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());

        var report = await (await TryImportAsync(admin, file, dryRun: false, acceptWarnings: true)).ShouldBe<GridImportReport>(HttpStatusCode.OK);

        Assert.True(report.Imported);
        Assert.Equal(1, report.Updated);
        var id = await GridAsync("毅阳社区", 2);
        Assert.True((await App.QueryAsync(db => db.GridBoundaries.SingleAsync(b => b.GridId == id))).Area.EqualsTopologically(holed));
    }

    [Fact]
    public async Task A_new_name_for_a_grid_is_checked_against_its_neighbours_and_then_stored()
    {
        var admin = await App.SignInAsync("admin");
        var yiyang = await ExportedAsync(admin, Yiyang);

        var taken = await (await TryImportAsync(admin, GridFile.Write([yiyang[0] with { Name = "第2网格" }]), dryRun: false)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Grid.Import.NameTaken", Assert.Single(Problems(taken)).Reason);

        var report = await (await TryImportAsync(admin, GridFile.Write([yiyang[0] with { Name = "东门网格" }]), dryRun: false)).ShouldBe<GridImportReport>(HttpStatusCode.OK);

        var row = Assert.Single(report.Features);
        Assert.Equal((GridImportAction.Update, "第1网格", false), (row.Action, row.PreviousName, row.AreaChanged));
        Assert.Equal("东门网格", await App.QueryAsync(db => db.OrgUnits.Where(u => u.Code == "350603001001001").Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task Only_administrators_import_or_export_grids()
    {
        var chen = await App.SignInAsync("chenliting");

        await (await chen.GetAsync("/api/v1/admin/grids/export")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await TryImportAsync(chen, """{"type": "FeatureCollection", "features": []}""", dryRun: true)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_reason_of_the_platform_has_a_text_in_chinese_and_english()
    {
        var texts = new ResourceManager(typeof(Text).FullName!, typeof(Text).Assembly);

        Assert.All(GridImport.Reasons, reason =>
        {
            var zh = texts.GetString(reason, CultureInfo.GetCultureInfo("zh-CN"));
            var en = texts.GetString(reason, CultureInfo.GetCultureInfo("en"));
            Assert.False(string.IsNullOrEmpty(zh), reason);
            Assert.False(string.IsNullOrEmpty(en), reason);
            Assert.NotEqual(zh, en);
        });
    }

    public static Task<HttpResponseMessage> TryImportAsync(HttpClient client, string file, bool dryRun, bool? acceptWarnings = null)
    {
        var query = $"dryRun={(dryRun ? "true" : "false")}" + (acceptWarnings is { } accept ? $"&acceptWarnings={(accept ? "true" : "false")}" : "");
        return client.PostAsync($"/api/v1/admin/grids/import?{query}", new StringContent(file, Encoding.UTF8, "application/geo+json"));
    }

    /// <summary>The exported grids of one community, in code order.</summary>
    public static async Task<List<GridFeature>> ExportedAsync(HttpClient admin, string community) =>
        GridFile.Read(await admin.GetStringAsync("/api/v1/admin/grids/export")).Features.Where(f => f.Parent == community).ToList();

    /// <summary>A square of the given side in degrees around a point.</summary>
    public static Polygon Square(Coordinate centre, double side)
    {
        var h = side / 2;
        return Wgs84.CreatePolygon([new(centre.X - h, centre.Y - h), new(centre.X + h, centre.Y - h), new(centre.X + h, centre.Y + h), new(centre.X - h, centre.Y + h), new(centre.X - h, centre.Y - h)]);
    }

    /// <summary>毅阳社区 redrawn: a new fifth grid cut out of the first, the others as they are.</summary>
    public static async Task<(string File, Geometry Piece)> CarveNewGridAsync(HttpClient admin)
    {
        var yiyang = await ExportedAsync(admin, Yiyang);
        var grid1 = yiyang[0].Area!;
        var piece = grid1.Intersection(Square(grid1.InteriorPoint.Coordinate, 0.0008));
        var rest = grid1.Difference(piece);
        return (GridFile.Write([yiyang[0] with { Area = rest }, new GridFeature("350603001001005", "第5网格", Yiyang, piece), .. yiyang.Skip(1)]), piece);
    }

    private static List<GridImportProblemView> Problems(JsonElement problem) =>
        problem.GetProperty("problems").Deserialize<List<GridImportProblemView>>(ResponseAssertions.Json)!;

    /// <summary>Every unit and grid area as stored, to show that a refused import changed nothing.</summary>
    private Task<string> StoredAsync() => App.QueryAsync(async db =>
    {
        var units = await db.OrgUnits.OrderBy(u => u.Id).Select(u => $"{u.Id} {u.Kind} {u.Code} {u.Name} {u.Path} {u.IsActive}").ToListAsync();
        var areas = await db.GridBoundaries.OrderBy(b => b.GridId).ToListAsync();
        return string.Join("\n", units.Concat(areas.Select(a => $"{a.GridId} {a.Area.AsText()} {a.UpdatedAt:O}")));
    });
}

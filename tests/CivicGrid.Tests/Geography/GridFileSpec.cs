using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Localization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// Reading a grid file (GeoJSON FeatureCollection with code, name, parent): every problem is
/// reported with the feature's index, its code and a reason key; errors block the import,
/// warnings may be accepted. Squares of 0.001° near 117.70 E, 24.50 N (about 101 × 111 m).
/// </summary>
public sealed class GridFileSpec
{
    private const string Yiyang = "350603001001";
    private const string Tanlin = "350603001002";

    private static readonly WKTReader Wkt = new();
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Fact]
    public void A_clean_file_gives_every_grid_in_file_order_and_no_problems()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0), "第1网格"),
            Feature("350603001001002", "MULTIPOLYGON (((117.701 24.500, 117.702 24.500, 117.702 24.501, 117.701 24.501, 117.701 24.500)), ((117.705 24.500, 117.706 24.500, 117.706 24.501, 117.705 24.501, 117.705 24.500)))", "第2网格"),
            Feature("350603001001003", "POLYGON ((117.702 24.500, 117.705 24.500, 117.705 24.503, 117.702 24.503, 117.702 24.500), (117.703 24.501, 117.703 24.502, 117.704 24.502, 117.704 24.501, 117.703 24.501))", "第3网格"),
            Feature("350603001001004", "POLYGON ((117.703 24.501, 117.704 24.501, 117.704 24.502, 117.703 24.502, 117.703 24.501))", "第4网格")));

        Assert.Empty(reading.Problems);
        Assert.Equal(["350603001001001", "350603001001002", "350603001001003", "350603001001004"], reading.Features.Select(f => f.Code));
        Assert.Equal("第2网格", reading.Features[1].Name);
        Assert.Equal(Yiyang, reading.Features[1].Parent);
        Assert.IsType<MultiPolygon>(reading.Features[1].Area);
        Assert.Equal(4326, reading.Features[0].Area!.SRID);
    }

    [Fact]
    public void A_file_that_is_not_json_is_one_file_level_error()
    {
        var reading = GridFile.Read("code,name\n350603001001001,第1网格");

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((null, ProblemSeverity.Error, "Grid.File.NotJson"), (problem.FeatureIndex, problem.Severity, problem.Reason));
        Assert.Empty(reading.Features);
        Assert.True(reading.HasErrors);
    }

    [Theory]
    [InlineData("""{"type": "Polygon", "coordinates": [[[117.7, 24.5], [117.701, 24.5], [117.701, 24.501], [117.7, 24.5]]]}""")]
    [InlineData("""{"type": "FeatureCollection"}""")]
    [InlineData("""[{"type": "Feature"}]""")]
    public void Json_that_is_not_a_feature_collection_is_one_file_level_error(string json)
    {
        var problem = Assert.Single(GridFile.Read(json).Problems);

        Assert.Equal((null, ProblemSeverity.Error, "Grid.File.NotFeatureCollection"), (problem.FeatureIndex, problem.Severity, problem.Reason));
    }

    [Fact]
    public void A_collection_without_features_is_refused()
    {
        Assert.Equal("Grid.File.NoFeatures", Assert.Single(GridFile.Read("""{"type": "FeatureCollection", "features": []}""").Problems).Reason);
    }

    [Fact]
    public void Missing_code_name_and_parent_are_each_reported_for_their_feature()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature(null, Square(1, 0)),
            Feature("350603001001003", Square(2, 0), name: null, parent: null)));

        Assert.Equal(
            [(1, null, "Grid.MissingCode"), (2, "350603001001003", "Grid.MissingName"), (2, "350603001001003", "Grid.MissingParent")],
            reading.Problems.Select(p => (p.FeatureIndex, p.Code, p.Reason)));
        Assert.All(reading.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));
        Assert.Equal(3, reading.Features.Count);
    }

    [Fact]
    public void A_code_must_be_a_grid_code_under_its_parent_community()
    {
        var reading = GridFile.Read(Collection(
            Feature("3506030010010011", Square(0, 0)),
            Feature("350603001002001", Square(1, 0)),
            Feature("350603001001003", Square(2, 0), parent: "350603001")));

        Assert.Equal(
            [(0, "Grid.InvalidCode"), (1, "Grid.CodeOutsideParent"), (2, "Grid.InvalidParent")],
            reading.Problems.Select(p => (p.FeatureIndex!.Value, p.Reason)));
        Assert.Contains(Yiyang, reading.Problems[1].Detail);
    }

    [Fact]
    public void Codes_typed_as_numbers_are_read_as_their_digits()
    {
        var json = Collection(Feature("350603001001001", Square(0, 0))).Replace("\"350603001001001\"", "350603001001001").Replace($"\"{Yiyang}\"", Yiyang);

        var reading = GridFile.Read(json);

        Assert.Empty(reading.Problems);
        Assert.Equal("350603001001001", reading.Features[0].Code);
        Assert.Equal(Yiyang, reading.Features[0].Parent);
    }

    [Fact]
    public void A_duplicate_code_is_reported_on_each_later_feature_naming_the_first()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature("350603001001002", Square(1, 0)),
            Feature("350603001001001", Square(2, 0))));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((2, "350603001001001", "Grid.DuplicateCode"), (problem.FeatureIndex, problem.Code, problem.Reason));
        Assert.Contains("Feature 0", problem.Detail);
    }

    [Theory]
    [InlineData("POINT (117.7 24.5)", "Point")]
    [InlineData("LINESTRING (117.7 24.5, 117.701 24.501)", "LineString")]
    public void Only_polygons_and_multipolygons_are_grids(string wkt, string type)
    {
        var problem = Assert.Single(GridFile.Read(Collection(Feature("350603001001001", wkt))).Problems);

        Assert.Equal((0, "Grid.NotPolygon"), (problem.FeatureIndex, problem.Reason));
        Assert.Contains(type, problem.Detail);
    }

    [Fact]
    public void A_feature_without_geometry_is_an_error()
    {
        var json = Collection(Feature("350603001001001", Square(0, 0)), """{"type": "Feature", "properties": {"code": "350603001001002", "name": "第2网格", "parent": "350603001001"}, "geometry": null}""");

        var problem = Assert.Single(GridFile.Read(json).Problems);

        Assert.Equal((1, "350603001001002", "Grid.MissingGeometry"), (problem.FeatureIndex, problem.Code, problem.Reason));
    }

    [Fact]
    public void A_self_intersecting_polygon_is_invalid_with_the_validators_reason_and_place()
    {
        var bowTie = "POLYGON ((117.700 24.500, 117.701 24.501, 117.701 24.500, 117.700 24.501, 117.700 24.500))";

        var problem = Assert.Single(GridFile.Read(Collection(Feature("350603001001001", bowTie))).Problems);

        Assert.Equal((0, "350603001001001", ProblemSeverity.Error, "Grid.InvalidGeometry"), (problem.FeatureIndex, problem.Code, problem.Severity, problem.Reason));
        Assert.Contains("Self-intersection", problem.Detail);
        var at = Assert.IsType<Point>(problem.Where);
        Assert.Equal(117.7005, at.X, 6);
        Assert.Equal(24.5005, at.Y, 6);
    }

    [Fact]
    public void A_ring_that_does_not_close_is_reported_not_thrown()
    {
        var open = """{"type": "Feature", "properties": {"code": "350603001001001", "name": "第1网格", "parent": "350603001001"}, "geometry": {"type": "Polygon", "coordinates": [[[117.7, 24.5], [117.701, 24.5], [117.701, 24.501], [117.7, 24.501]]]}}""";

        var reading = GridFile.Read(Collection(open, Feature("350603001001002", Square(1, 0))));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((0, "Grid.InvalidGeometry"), (problem.FeatureIndex, problem.Reason));
        Assert.Null(reading.Features[0].Area);
        Assert.NotNull(reading.Features[1].Area);
    }

    [Fact]
    public void Projected_coordinates_are_out_of_the_wgs84_range()
    {
        var metres = "POLYGON ((500000 2710000, 500100 2710000, 500100 2710100, 500000 2710100, 500000 2710000))";

        var problem = Assert.Single(GridFile.Read(Collection(Feature("350603001001001", metres))).Problems);

        Assert.Equal((0, ProblemSeverity.Error, "Grid.OutOfRange"), (problem.FeatureIndex, problem.Severity, problem.Reason));
        Assert.Contains("500000", problem.Detail);
    }

    [Fact]
    public void Grids_of_one_community_that_overlap_are_an_error_on_the_later_one()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature("350603001001002", "POLYGON ((117.7005 24.500, 117.7015 24.500, 117.7015 24.501, 117.7005 24.501, 117.7005 24.500))")));

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((1, "350603001001002", ProblemSeverity.Error, "Grid.Overlap"), (problem.FeatureIndex, problem.Code, problem.Severity, problem.Reason));
        // Half a square: 0.0005° × 0.001° ≈ 50.7 m × 110.8 m.
        Assert.Contains("feature 0 (350603001001001) by about 5613 m²", problem.Detail);
        Assert.Equal(0.0005 * 0.001, problem.Where!.Area, 9);
    }

    [Fact]
    public void Grids_that_only_share_an_edge_or_a_corner_do_not_overlap()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature("350603001001002", Square(1, 0)),
            Feature("350603001001003", Square(1, 1))));

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void An_overlap_below_a_square_metre_is_digitising_noise()
    {
        // Grid 2 reaches 0.00000001° (about 1 mm) into grid 1 along a 111 m edge: 0.1 m².
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature("350603001001002", "POLYGON ((117.70099999 24.500, 117.702 24.500, 117.702 24.501, 117.70099999 24.501, 117.70099999 24.500))")));

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void Grids_of_different_communities_are_not_compared_for_overlaps()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", Square(0, 0)),
            Feature("350603001002001", Square(0, 0), parent: Tanlin)));

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void A_place_inside_a_community_that_none_of_its_grids_covers_is_a_gap_warning()
    {
        // Eight squares around an empty middle one.
        var ring = new[] { (0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2) };
        var reading = GridFile.Read(Collection(ring.Select((s, i) => Feature($"35060300100100{i + 1}", Square(s.Item1, s.Item2))).ToArray()));

        var gap = Assert.Single(reading.Problems);
        Assert.Equal((null, Yiyang, ProblemSeverity.Warning, "Grid.Gap"), (gap.FeatureIndex, gap.Code, gap.Severity, gap.Reason));
        // 0.001° × 0.001° ≈ 101.4 m × 110.8 m.
        Assert.Contains("about 11226 m²", gap.Detail);
        Assert.True(gap.Where!.EqualsTopologically(Wkt.Read(Square(1, 1))));
        Assert.False(reading.HasErrors);
        Assert.True(reading.HasWarnings);
    }

    [Fact]
    public void A_hole_in_a_grid_filled_by_another_grid_of_the_community_is_no_gap()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", "POLYGON ((117.700 24.500, 117.703 24.500, 117.703 24.503, 117.700 24.503, 117.700 24.500), (117.701 24.501, 117.701 24.502, 117.702 24.502, 117.702 24.501, 117.701 24.501))"),
            Feature("350603001001002", Square(1, 1))));

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void An_unfilled_hole_in_a_grid_is_a_gap_of_its_community()
    {
        var reading = GridFile.Read(Collection(
            Feature("350603001001001", "POLYGON ((117.700 24.500, 117.703 24.500, 117.703 24.503, 117.700 24.503, 117.700 24.500), (117.701 24.501, 117.701 24.502, 117.702 24.502, 117.702 24.501, 117.701 24.501))")));

        Assert.Equal("Grid.Gap", Assert.Single(reading.Problems).Reason);
    }

    [Fact]
    public void A_feature_overlapping_a_stored_grid_the_file_leaves_in_place_is_an_error()
    {
        GridFeature[] stored = [new("350603001001001", "第1网格", Yiyang, Wkt.Read(Square(0, 0))), new("350603001001002", "第2网格", Yiyang, Wkt.Read(Square(1, 0)))];

        var reading = GridFile.Read(
            Collection(Feature("350603001001002", "POLYGON ((117.7005 24.500, 117.702 24.500, 117.702 24.501, 117.7005 24.501, 117.7005 24.500))")),
            stored);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((0, "350603001001002", ProblemSeverity.Error, "Grid.OverlapsStored"), (problem.FeatureIndex, problem.Code, problem.Severity, problem.Reason));
        Assert.Contains("grid 350603001001001 (第1网格)", problem.Detail);
    }

    [Fact]
    public void A_stored_grid_of_a_code_in_the_file_is_replaced_not_compared()
    {
        GridFeature[] stored = [new("350603001001001", "第1网格", Yiyang, Wkt.Read(Square(0, 0))), new("350603001001002", "第2网格", Yiyang, Wkt.Read(Square(1, 0)))];

        var reading = GridFile.Read(Collection(Feature("350603001001001", Square(0, 0)), Feature("350603001001002", Square(1, 0))), stored);

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void Gaps_are_those_of_the_file_and_the_stored_grids_it_leaves_in_place_together()
    {
        // The file redraws the eight squares around the middle one; the middle one is stored, so there is no gap.
        var ring = new[] { (0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2) };
        GridFeature[] stored = [new("350603001001009", "第9网格", Yiyang, Wkt.Read(Square(1, 1))), new("350603001002001", "檀林第1网格", Tanlin, Wkt.Read(Square(5, 5)))];

        var reading = GridFile.Read(Collection(ring.Select((s, i) => Feature($"35060300100100{i + 1}", Square(s.Item1, s.Item2))).ToArray()), stored);

        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void Problems_of_one_file_are_all_reported_not_just_the_first()
    {
        var reading = GridFile.Read(Collection(
            Feature(null, Square(0, 0)),
            Feature("350603001001002", "POINT (117.7 24.5)"),
            Feature("350603001001003", Square(2, 0), name: null)));

        Assert.Equal(["Grid.MissingCode", "Grid.NotPolygon", "Grid.MissingName"], reading.Problems.Select(p => p.Reason));
        Assert.Equal([0, 1, 2], reading.Problems.Select(p => p.FeatureIndex!.Value));
    }

    [Fact]
    public void A_written_file_reads_back_as_the_same_grids()
    {
        GridFeature[] grids =
        [
            new("350603001001001", "第1网格", Yiyang, Wkt.Read("POLYGON ((117.700 24.500, 117.703 24.500, 117.703 24.503, 117.700 24.503, 117.700 24.500), (117.701 24.501, 117.701 24.502, 117.702 24.502, 117.702 24.501, 117.701 24.501))")),
            new("350603001001002", "第2网格", Yiyang, Wkt.Read(Square(1, 1))),
            new("350603001001003", "第3网格 \"东片\"", Yiyang, Wkt.Read("MULTIPOLYGON (((117.703 24.500, 117.7043456789 24.500, 117.704 24.501, 117.703 24.500)), ((117.705 24.500, 117.706 24.500, 117.706 24.501, 117.705 24.500)))")),
        ];

        using var file = new MemoryStream();
        GridFile.Write(file, grids);
        file.Position = 0;
        var reading = GridFile.Read(file);

        Assert.Equal(grids.Select(g => (g.Code, g.Name, g.Parent)), reading.Features.Select(f => (f.Code, f.Name, f.Parent)));
        Assert.All(grids.Zip(reading.Features), pair => Assert.True(pair.First.Area!.EqualsTopologically(pair.Second.Area), $"{pair.First.Area} became {pair.Second.Area}"));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public void A_written_file_is_a_feature_collection_with_code_name_and_parent()
    {
        var json = GridFile.Write([new GridFeature("350603001001001", "第1网格", Yiyang, Wkt.Read(Square(0, 0)))]);

        var feature = JsonNode.Parse(json)!["features"]![0]!;
        Assert.Equal("FeatureCollection", (string?)JsonNode.Parse(json)!["type"]);
        Assert.Equal("350603001001001", (string?)feature["properties"]!["code"]);
        Assert.Equal("第1网格", (string?)feature["properties"]!["name"]);
        Assert.Equal(Yiyang, (string?)feature["properties"]!["parent"]);
        Assert.Equal("Polygon", (string?)feature["geometry"]!["type"]);
        // RFC 7946 §3.1.6: exterior rings counter-clockwise.
        var ring = feature["geometry"]!["coordinates"]![0]!.AsArray().Select(c => new Coordinate((double)c![0]!, (double)c[1]!)).ToArray();
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(ring));
    }

    [Fact]
    public void Every_reason_has_a_text_in_chinese_and_english()
    {
        var texts = new ResourceManager(typeof(Text).FullName!, typeof(Text).Assembly);

        Assert.All(GridFileReasons.All, reason =>
        {
            Assert.False(string.IsNullOrEmpty(texts.GetString(reason, CultureInfo.GetCultureInfo("zh-CN"))), reason);
            Assert.False(string.IsNullOrEmpty(texts.GetString(reason, CultureInfo.GetCultureInfo("en"))), reason);
            Assert.NotEqual(texts.GetString(reason, CultureInfo.GetCultureInfo("zh-CN")), texts.GetString(reason, CultureInfo.GetCultureInfo("en")));
        });
    }

    [Fact]
    public void A_stream_is_read_as_utf8()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(Collection(Feature("350603001001001", Square(0, 0), "第1网格"))));

        Assert.Equal("第1网格", GridFile.Read(file).Features.Single().Name);
    }

    /// <summary>The 0.001° square in column x, row y (counted north from 24.500) east of 117.700.</summary>
    private static string Square(int x, int y)
    {
        var (w, s) = (117.700 + (x * 0.001), 24.500 + (y * 0.001));
        var (e, n) = (w + 0.001, s + 0.001);
        return FormattableString.Invariant($"POLYGON (({w:0.000} {s:0.000}, {e:0.000} {s:0.000}, {e:0.000} {n:0.000}, {w:0.000} {n:0.000}, {w:0.000} {s:0.000}))");
    }

    private static string Feature(string? code, string wkt, string? name = "网格", string? parent = Yiyang) =>
        new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { ["code"] = code, ["name"] = name, ["parent"] = parent },
            ["geometry"] = JsonNode.Parse(JsonSerializer.Serialize(Wkt.Read(wkt), GeoJson)),
        }.ToJsonString();

    private static string Collection(params string[] features) =>
        $$"""{"type": "FeatureCollection", "features": [{{string.Join(", ", features)}}]}""";
}

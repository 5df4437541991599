using CivicGrid.Web.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// Which grid a point belongs to. The map below lies in 蓝田街道 (about 117.70 E, 24.50 N);
/// there 0.001° of latitude is 110.8 m and 0.001° of longitude 101.4 m (WGS-84).
/// <code>
///   grid 1 (with a hole)   grid 2          grid 4 = two parts      grid 5 (unfilled hole)
///   ┌───────────┐┌──────────┐         ┌──┐      ┌──┐           ┌──────────┐
///   │  ┌─────┐  ││          │         │A │      │B │           │  ┌────┐  │
///   │  │  3  │  ││          │         └──┘      └──┘           │  │    │  │
///   │  └─────┘  ││          │                                  │  └────┘  │
///   └───────────┘└──────────┘                                  └──────────┘
/// </code>
/// </summary>
public sealed class GridLocatorSpec
{
    private static readonly WKTReader Wkt = new();

    private static readonly GridArea[] Map =
    [
        // Listed out of id order on purpose: the answer must not depend on the input order.
        Grid(2, "POLYGON ((117.702 24.500, 117.704 24.500, 117.704 24.502, 117.702 24.502, 117.702 24.500))"),
        Grid(1, "POLYGON ((117.700 24.500, 117.702 24.500, 117.702 24.502, 117.700 24.502, 117.700 24.500), (117.7005 24.5005, 117.7005 24.5015, 117.7015 24.5015, 117.7015 24.5005, 117.7005 24.5005))"),
        Grid(3, "POLYGON ((117.7005 24.5005, 117.7015 24.5005, 117.7015 24.5015, 117.7005 24.5015, 117.7005 24.5005))"),
        Grid(4, "MULTIPOLYGON (((117.706 24.500, 117.707 24.500, 117.707 24.501, 117.706 24.501, 117.706 24.500)), ((117.710 24.500, 117.711 24.500, 117.711 24.501, 117.710 24.501, 117.710 24.500)))"),
        Grid(5, "POLYGON ((117.720 24.500, 117.724 24.500, 117.724 24.504, 117.720 24.504, 117.720 24.500), (117.721 24.501, 117.721 24.503, 117.723 24.503, 117.723 24.501, 117.721 24.501))"),
    ];

    private static readonly GridLocator Locator = new(Map);

    [Fact]
    public void A_point_inside_a_grid_belongs_to_it()
    {
        Assert.Equal(new GridPlacement(PlacementKind.Inside, 2, 0), Locator.Locate(24.501, 117.703, toleranceMetres: 100));
    }

    [Fact]
    public void A_point_on_the_edge_two_grids_share_goes_to_the_lower_grid_id()
    {
        var onSharedEdge = Locator.Locate(24.501, 117.702, toleranceMetres: 0);

        Assert.Equal(new GridPlacement(PlacementKind.Inside, 1, 0), onSharedEdge);
    }

    [Fact]
    public void The_boundary_rule_depends_on_ids_not_on_the_order_grids_were_given()
    {
        var east = Grid(10, "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");
        var west = Grid(20, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");

        Assert.Equal(10, new GridLocator([east, west]).Locate(0.5, 1, 0).GridId);
        Assert.Equal(10, new GridLocator([west, east]).Locate(0.5, 1, 0).GridId);
    }

    [Fact]
    public void A_point_on_a_grids_outer_edge_belongs_to_it()
    {
        Assert.Equal(new GridPlacement(PlacementKind.Inside, 2, 0), Locator.Locate(24.502, 117.703, 0));
    }

    [Fact]
    public void A_point_inside_a_hole_belongs_to_the_grid_that_fills_the_hole()
    {
        Assert.Equal(new GridPlacement(PlacementKind.Inside, 3, 0), Locator.Locate(24.501, 117.701, 0));
    }

    [Fact]
    public void A_point_inside_an_unfilled_hole_is_in_no_grid()
    {
        Assert.Equal(GridPlacement.Unplaced, Locator.Locate(24.502, 117.722, toleranceMetres: 0));
    }

    [Fact]
    public void A_point_inside_an_unfilled_hole_goes_to_the_surrounding_grid_when_its_edge_is_within_tolerance()
    {
        // The hole's edge is 0.001° of latitude (111 m) away, its sides 0.001° of longitude (101 m).
        var placement = Locator.Locate(24.502, 117.722, toleranceMetres: 150);

        Assert.Equal(PlacementKind.Nearest, placement.Kind);
        Assert.Equal(5, placement.GridId);
        Assert.Equal(101.4, placement.DistanceMetres, 0.1);
    }

    [Fact]
    public void A_point_in_the_second_part_of_a_multipolygon_belongs_to_that_grid()
    {
        Assert.Equal(new GridPlacement(PlacementKind.Inside, 4, 0), Locator.Locate(24.5005, 117.7105, 0));
    }

    [Fact]
    public void A_point_between_the_parts_of_a_multipolygon_is_not_inside_it()
    {
        Assert.Equal(GridPlacement.Unplaced, Locator.Locate(24.5005, 117.7085, 0));
    }

    [Fact]
    public void A_point_outside_all_grids_goes_to_the_nearest_grid_within_tolerance()
    {
        // 0.0005° north of grid 2's northern edge: 55.4 m.
        var placement = Locator.Locate(24.5025, 117.703, toleranceMetres: 100);

        Assert.Equal(PlacementKind.Nearest, placement.Kind);
        Assert.Equal(2, placement.GridId);
        Assert.Equal(55.4, placement.DistanceMetres, 0.1);
    }

    [Fact]
    public void Of_two_grids_within_tolerance_the_nearer_one_wins()
    {
        // Between grid 2 (ends at 117.704) and grid 4's first part (starts at 117.706), nearer grid 4.
        var placement = Locator.Locate(24.5005, 117.7052, toleranceMetres: 500);

        Assert.Equal(4, placement.GridId);
        Assert.Equal(PlacementKind.Nearest, placement.Kind);
    }

    [Fact]
    public void A_point_beyond_the_tolerance_is_unplaced()
    {
        Assert.Equal(GridPlacement.Unplaced, Locator.Locate(24.5025, 117.703, toleranceMetres: 50));
    }

    [Fact]
    public void A_point_far_from_everything_is_unplaced()
    {
        Assert.Equal(GridPlacement.Unplaced, Locator.Locate(39.9, 116.4, toleranceMetres: 1000));
        Assert.Equal(GridPlacement.Unplaced, GridLocator.Empty.Locate(24.501, 117.703, 1000));
    }

    [Fact]
    public void Distances_along_a_parallel_shrink_with_the_cosine_of_latitude()
    {
        // 0.001° of longitude east of grid 2, at 24.501° N: 111.4 m × cos(24.501°) = 101.4 m.
        var placement = Locator.Locate(24.501, 117.705, toleranceMetres: 200);

        Assert.Equal(2, placement.GridId);
        Assert.Equal(101.4, placement.DistanceMetres, 0.1);
    }

    [Theory]
    [InlineData(24.501, 117.703, 100)]
    [InlineData(24.501, 117.702, 0)]
    [InlineData(24.502, 117.703, 0)]
    [InlineData(24.501, 117.701, 0)]
    [InlineData(24.5015, 117.701, 0)]
    [InlineData(24.502, 117.722, 0)]
    [InlineData(24.502, 117.722, 150)]
    [InlineData(24.5005, 117.7105, 0)]
    [InlineData(24.5005, 117.7085, 0)]
    [InlineData(24.5025, 117.703, 100)]
    [InlineData(24.5005, 117.7052, 500)]
    public void Large_grids_get_an_indexed_test_that_answers_as_the_plain_one(double latitude, double longitude, double toleranceMetres)
    {
        var indexed = new GridLocator(Map, indexedAboveVertices: 0);
        var plain = new GridLocator(Map, indexedAboveVertices: int.MaxValue);

        Assert.Equal(plain.Locate(latitude, longitude, toleranceMetres), indexed.Locate(latitude, longitude, toleranceMetres));
        Assert.Equal(Locator.Locate(latitude, longitude, toleranceMetres), indexed.Locate(latitude, longitude, toleranceMetres));
    }

    [Fact]
    public void A_detailed_grid_of_hundreds_of_vertices_is_located_through_its_index()
    {
        // A round grid of 1,200 vertices, 0.01° across, with a round hole of 200 vertices.
        static Coordinate[] Circle(double radius, int n) =>
            [.. Enumerable.Range(0, n + 1).Select(i => new Coordinate(117.75 + (radius * Math.Cos(2 * Math.PI * (i % n) / n)), 24.55 + (radius * Math.Sin(2 * Math.PI * (i % n) / n))))];
        var factory = new GeometryFactory();
        var shell = Circle(0.005, 1200);
        var round = factory.CreatePolygon(factory.CreateLinearRing(shell), [factory.CreateLinearRing([.. Circle(0.001, 200).Reverse()])]);
        Assert.True(round.NumPoints > GridLocator.IndexedAboveVertices);
        var locator = new GridLocator([new GridArea(7, round)]);

        Assert.Equal(7, locator.Locate(24.55, 117.753, 0).GridId);
        Assert.Equal(7, locator.Locate(shell[37].Y, shell[37].X, 0).GridId);
        Assert.Equal(PlacementKind.Unplaced, locator.Locate(24.55, 117.75, 0).Kind);
        Assert.Equal(PlacementKind.Unplaced, locator.Locate(24.55, 117.7551, 0).Kind);
    }

    [Fact]
    public void Distances_follow_the_wgs84_ellipsoid_not_a_sphere()
    {
        // The textbook lengths of a degree: 110,574 m of latitude at the equator, 111,694 m at the
        // poles, 111,320 m of longitude at the equator.
        Assert.Equal(110_574, LocalScale.At(0).MetresPerDegreeLatitude, 1.0);
        Assert.Equal(111_694, LocalScale.At(90).MetresPerDegreeLatitude, 1.0);
        Assert.Equal(111_320, LocalScale.At(0).MetresPerDegreeLongitude, 1.0);
    }

    [Fact]
    public void Only_polygons_and_multipolygons_can_be_grids()
    {
        var line = Grid(9, "LINESTRING (117.70 24.50, 117.71 24.51)");

        var refused = Assert.Throws<ArgumentException>(() => new GridLocator([line]));

        Assert.Contains("Grid 9", refused.Message);
    }

    [Fact]
    public void Coordinates_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Locator.Locate(91, 117.7, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Locator.Locate(24.5, double.NaN, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Locator.Locate(24.5, 117.7, -1));
    }

    private static GridArea Grid(long id, string wkt) => new(id, Wkt.Read(wkt));
}

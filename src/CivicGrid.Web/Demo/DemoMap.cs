using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace CivicGrid.Web.Demo;

/// <summary>
/// Real-looking grid polygons for the demo district around Zhangzhou's Longwen district
/// (龙文区, about 24.51 N 117.71 E). Each grid is the Voronoi cell of a seed point clipped to
/// the district's outline, so the grids tile the district without gaps or overlaps; the seeds
/// of one community sit around its centre, so a community's grids stay together.
/// </summary>
public static class DemoMap
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(1e7), 4326);

    /// <summary>Where each demo community lies (latitude, longitude of its centre).</summary>
    public static readonly IReadOnlyDictionary<string, (double Latitude, double Longitude)> CommunityCentres = new Dictionary<string, (double, double)>
    {
        ["毅阳社区"] = (24.5265, 117.6960),
        ["檀林社区"] = (24.5125, 117.6935),
        ["湘桥社区"] = (24.4985, 117.6975),
        ["朝阳社区"] = (24.5230, 117.7160),
        ["北庭社区"] = (24.5050, 117.7165),
        ["步文社区"] = (24.5235, 117.7355),
        ["龙江社区"] = (24.5055, 117.7350),
    };

    /// <summary>The district's outline: an irregular ring around the communities, as a river bend and roads would draw it.</summary>
    public static Polygon DistrictOutline { get; } = Factory.CreatePolygon(
    [
        new(117.6830, 24.4920), new(117.7010, 24.4895), new(117.7200, 24.4915), new(117.7380, 24.4905),
        new(117.7480, 24.4960), new(117.7470, 24.5150), new(117.7455, 24.5330), new(117.7280, 24.5355),
        new(117.7090, 24.5340), new(117.6940, 24.5365), new(117.6840, 24.5320), new(117.6815, 24.5120),
        new(117.6830, 24.4920),
    ]);

    /// <summary>
    /// The area of every grid, keyed by community name and grid number (1-based), for the given
    /// number of grids per community.
    /// </summary>
    public static IReadOnlyDictionary<(string Community, int Grid), Geometry> GridAreas(IReadOnlyDictionary<string, int> gridsPerCommunity)
    {
        var seeds = new List<(string Community, int Grid, Coordinate At)>();
        foreach (var (community, count, turn) in gridsPerCommunity.Select((c, i) => (c.Key, c.Value, i * 0.6)))
        {
            var (lat, lng) = CommunityCentres[community];
            for (var n = 1; n <= count; n++)
            {
                // Seeds on a small ring, turned a little per community so the cells are not all alike.
                var angle = (2 * Math.PI * n / count) + turn;
                var radius = count == 1 ? 0 : 0.0032 + (0.0007 * (n % 2));
                seeds.Add((community, n, new Coordinate(lng + (radius * Math.Cos(angle) * 1.1), lat + (radius * Math.Sin(angle)))));
            }
        }

        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds.Select(s => s.At).ToList());
        builder.ClipEnvelope = DistrictOutline.EnvelopeInternal;
        var cells = builder.GetSubdivision().GetVoronoiCellPolygons(Factory);

        var areas = new Dictionary<(string, int), Geometry>();
        foreach (var seed in seeds)
        {
            var cell = cells.First(c => c.UserData is Coordinate site && site.Equals2D(seed.At));
            var area = Factory.CreateGeometry(cell.Intersection(DistrictOutline));
            area = area is Polygon or MultiPolygon ? area : area.Buffer(0);
            areas[(seed.Community, seed.Grid)] = Factory.CreateGeometry(area);
        }

        return areas;
    }
}

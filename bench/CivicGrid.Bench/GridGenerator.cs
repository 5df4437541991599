using CivicGrid.Web.Geography;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;

namespace CivicGrid.Bench;

/// <summary>
/// Synthetic grid polygons tiling an area the size of a prefecture-level city (Zhangzhou is
/// 12,600 km²): 117.0–118.2 E, 24.0–25.0 N, about 121 × 111 km. A lattice whose vertices are
/// jittered and whose edges wiggle (the same wiggle seen from both sides, so neighbours share
/// their edges exactly) gives irregular blocks; 1 % of grids own a detached
/// second part (MultiPolygon), 3 % have a hole (half of them filled by a grid of its own, half
/// left as a gap), and random neighbours are merged into larger grids until the count is met.
/// </summary>
public static class GridGenerator
{
    public const double West = 117.0;
    public const double East = 118.2;
    public const double South = 24.0;
    public const double North = 25.0;

    private const int Columns = 170;
    private const int Rows = 140;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public sealed record Summary(int Grids, int WithHoles, int FilledHoles, int MultiPolygons, int Merged, double AverageVertices, int Invalid);

    /// <summary><paramref name="pointsPerEdge"/> 6 gives blocks of about 30 vertices, 40 detailed surveys of about 170.</summary>
    public static (List<GridArea> Grids, Summary Summary) Generate(int count, int pointsPerEdge = 6, int seed = 20261123)
    {
        var random = new Random(seed);
        var vertices = JitteredLattice(random);
        var cells = new List<Polygon>(Columns * Rows);
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                cells.Add(Cell(vertices, column, row, pointsPerEdge));
            }
        }

        // Each piece of area becomes one grid: a detached part, a hole and merges change that below.
        var areas = new List<Geometry?>(cells);
        var multiPolygons = 0;
        for (var i = 0; i + 3 < areas.Count; i++)
        {
            // An exclave: the cell three columns on is handed to this grid as a detached part.
            if (areas[i] is Polygon home && areas[i + 3] is Polygon exclave && random.NextDouble() < 0.01)
            {
                areas[i] = Factory.CreateMultiPolygon([home, exclave]);
                areas[i + 3] = null;
                multiPolygons++;
            }
        }

        var withHoles = 0;
        var filled = new List<Geometry>();
        for (var i = 0; i < areas.Count; i++)
        {
            if (areas[i] is Polygon polygon && random.NextDouble() < 0.03)
            {
                var hole = Shrunk(polygon.Shell, 0.35);
                areas[i] = Factory.CreatePolygon(polygon.Shell, [hole]);
                withHoles++;
                if (random.NextDouble() < 0.5)
                {
                    // A school or a compound managed as a grid of its own; otherwise a lake: a gap.
                    filled.Add(Factory.CreatePolygon(hole.Coordinates));
                }
            }
        }

        // Merge random pairs of east-west neighbours until exactly `count` grids remain, so grids
        // differ in size and the city stays covered.
        var excess = areas.Count(a => a is not null) + filled.Count - count;
        var merged = 0;
        foreach (var i in Enumerable.Range(0, areas.Count - 1).OrderBy(_ => random.Next()).ToList())
        {
            if (merged == excess)
            {
                break;
            }

            if (i % Columns != Columns - 1 && areas[i] is not null && areas[i + 1] is not null)
            {
                areas[i] = OverlayNGRobust.Union([areas[i]!, areas[i + 1]!], Factory);
                areas[i + 1] = null;
                merged++;
            }
        }

        if (merged < excess || excess < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The lattice cannot make exactly {count} grids.");
        }

        // Ids in no spatial order, as real ids are.
        var grids = areas.Where(a => a is not null).Select(a => a!).Concat(filled)
            .OrderBy(_ => random.Next()).Select((area, i) => new GridArea(i + 1, area)).ToList();
        var fillers = filled.ToHashSet(ReferenceEqualityComparer.Instance);
        var summary = new Summary(
            grids.Count,
            grids.Count(g => g.Area is Polygon p && p.NumInteriorRings > 0),
            grids.Count(g => fillers.Contains(g.Area)),
            grids.Count(g => g.Area is MultiPolygon),
            merged,
            grids.Average(g => g.Area.NumPoints),
            grids.Count(g => !g.Area.IsValid));
        return (grids, summary);
    }

    /// <summary>A random point inside the area's bounding box.</summary>
    public static (double Latitude, double Longitude) RandomPoint(Random random) =>
        (South + (random.NextDouble() * (North - South)), West + (random.NextDouble() * (East - West)));

    private static Coordinate[,] JitteredLattice(Random random)
    {
        var dx = (East - West) / Columns;
        var dy = (North - South) / Rows;
        var vertices = new Coordinate[Columns + 1, Rows + 1];
        for (var x = 0; x <= Columns; x++)
        {
            for (var y = 0; y <= Rows; y++)
            {
                // The outer border stays straight so the grids tile the whole box.
                var jx = x == 0 || x == Columns ? 0 : (random.NextDouble() - 0.5) * 0.5 * dx;
                var jy = y == 0 || y == Rows ? 0 : (random.NextDouble() - 0.5) * 0.5 * dy;
                vertices[x, y] = new Coordinate(Math.Round(West + (x * dx) + jx, 7), Math.Round(South + (y * dy) + jy, 7));
            }
        }

        return vertices;
    }

    private static Polygon Cell(Coordinate[,] v, int x, int y, int pointsPerEdge)
    {
        // Counter-clockwise: south edge, east edge, north edge, west edge.
        var corners = new[] { v[x, y], v[x + 1, y], v[x + 1, y + 1], v[x, y + 1] };
        var ring = new List<Coordinate>();
        for (var i = 0; i < 4; i++)
        {
            ring.AddRange(Edge(corners[i], corners[(i + 1) % 4], pointsPerEdge, straight: IsOnBorder(corners[i], corners[(i + 1) % 4])));
        }

        ring.Add(ring[0].Copy());
        return Factory.CreatePolygon(ring.ToArray());
    }

    private static bool IsOnBorder(Coordinate a, Coordinate b) =>
        (a.X == b.X && (a.X == West || a.X == East)) || (a.Y == b.Y && (a.Y == South || a.Y == North));

    /// <summary>
    /// From a up to (not including) b, with a wiggle that depends only on the edge itself, so the
    /// neighbour walking b→a produces exactly the same points.
    /// </summary>
    private static IEnumerable<Coordinate> Edge(Coordinate a, Coordinate b, int pointsPerEdge, bool straight)
    {
        var forward = a.CompareTo(b) < 0;
        var (from, to) = forward ? (a, b) : (b, a);
        var wiggle = new Random(Seed(from, to));
        // A smooth bend: one to three waves, up to 6 % of the edge sideways, none at the corners.
        var (waves, phase, amplitude) = (1 + wiggle.Next(3), wiggle.NextDouble() * 2 * Math.PI, straight ? 0 : 0.06 * wiggle.NextDouble());
        var points = new Coordinate[pointsPerEdge];
        var (ex, ey) = (to.X - from.X, to.Y - from.Y);
        for (var i = 0; i < pointsPerEdge; i++)
        {
            var t = (i + 1.0) / (pointsPerEdge + 1);
            var side = amplitude * Math.Sin(Math.PI * t) * Math.Sin((waves * Math.PI * t) + phase);
            points[i] = new Coordinate(Math.Round(from.X + (t * ex) - (side * ey), 7), Math.Round(from.Y + (t * ey) + (side * ex), 7));
        }

        if (!forward)
        {
            Array.Reverse(points);
        }

        return points.Prepend(a);
    }

    /// <summary>A seed from the edge's ends, the same in every run (HashCode is randomised per process).</summary>
    private static int Seed(Coordinate from, Coordinate to)
    {
        var hash = 17L;
        foreach (var value in new[] { from.X, from.Y, to.X, to.Y })
        {
            hash = unchecked((hash * 1_000_003) ^ BitConverter.DoubleToInt64Bits(value));
        }

        return unchecked((int)(hash ^ (hash >> 32)));
    }

    private static LinearRing Shrunk(LinearRing shell, double factor)
    {
        var centre = shell.Centroid.Coordinate;
        var coordinates = shell.Coordinates
            .Select(c => new Coordinate(centre.X + ((c.X - centre.X) * factor), centre.Y + ((c.Y - centre.Y) * factor)))
            .ToArray();
        return Factory.CreateLinearRing(coordinates);
    }
}

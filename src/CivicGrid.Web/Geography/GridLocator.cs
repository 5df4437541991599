using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Web.Geography;

/// <summary>One grid's area for the locator: a Polygon or MultiPolygon in WGS-84 (x = longitude, y = latitude).</summary>
public sealed record GridArea(long GridId, Geometry Area);

public enum PlacementKind
{
    /// <summary>The point lies in the grid's area (boundary included).</summary>
    Inside,

    /// <summary>The point lies in no grid; this is the nearest one within the tolerance.</summary>
    Nearest,

    /// <summary>No grid contains the point and none is within the tolerance.</summary>
    Unplaced,
}

/// <summary>Where a point falls: the grid (none when unplaced) and how far outside it the point is, in metres.</summary>
public readonly record struct GridPlacement(PlacementKind Kind, long? GridId, double DistanceMetres)
{
    public static GridPlacement Unplaced => new(PlacementKind.Unplaced, null, double.PositiveInfinity);
}

/// <summary>
/// An immutable in-memory index of grid areas answering "which grid is this point in?".
/// An STR-tree over the areas' envelopes finds the few candidates; a point-in-area test per
/// candidate decides: a plain ray-crossing test for grids of up to <see cref="IndexedAboveVertices"/>
/// vertices, NetTopologySuite's indexed locator only for larger ones. Measured in
/// docs/benchmarks.md: indexing 20,000 grids of ~190 vertices held ~480 MiB (about 125 bytes a
/// segment, three times the geometry) to save about a microsecond of a 4 µs lookup; the index
/// pays only for polygons of thousands of vertices, where a ray crossing takes several µs.
/// Built once per set of grids and shared by all requests: every member is safe to call from
/// many threads.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>A point inside or on the boundary of one or more grids goes to the <b>lowest grid id</b>
/// among them. Valid grids of one community only share boundaries, so this only decides points
/// exactly on a shared edge (or under overlapping data, which import refuses).</item>
/// <item>Otherwise the nearest grid whose boundary is within the tolerance, ties to the lowest id.</item>
/// <item>Otherwise unplaced.</item>
/// </list>
/// Distances use a local equirectangular projection centred on the point, scaled by the WGS-84
/// ellipsoid's radii of curvature at its latitude (<see cref="LocalScale"/>). Within the few
/// kilometres a tolerance covers, its error is a few centimetres.
/// </remarks>
public sealed class GridLocator
{
    /// <summary>Grids with more vertices than this get an indexed locator.</summary>
    public const int IndexedAboveVertices = 1000;

    private readonly STRtree<Entry> _tree = new();

    public GridLocator(IEnumerable<GridArea> grids)
        : this(grids, IndexedAboveVertices)
    {
    }

    /// <summary>For the benchmark and tests: <paramref name="indexedAboveVertices"/> 0 indexes every grid, int.MaxValue none.</summary>
    internal GridLocator(IEnumerable<GridArea> grids, int indexedAboveVertices)
    {
        ArgumentNullException.ThrowIfNull(grids);
        foreach (var grid in grids)
        {
            if (grid.Area is not (Polygon or MultiPolygon) || grid.Area.IsEmpty)
            {
                throw new ArgumentException($"Grid {grid.GridId}: a grid area must be a non-empty Polygon or MultiPolygon, not {grid.Area?.GeometryType ?? "null"}.", nameof(grids));
            }

            IPointOnGeometryLocator locator = grid.Area.NumPoints > indexedAboveVertices
                ? new IndexedPointInAreaLocator(grid.Area)
                : new SimplePointInAreaLocator(grid.Area);
            // The indexed locator builds its segment index lazily; build it now so the first
            // requests don't pay for it and the cost shows in the build time.
            locator.Locate(grid.Area.Coordinate);
            var entry = new Entry(grid.GridId, grid.Area, locator);
            _tree.Insert(grid.Area.EnvelopeInternal, entry);
            Count++;
        }

        // Building the tree here, single-threaded, leaves queries read-only.
        _tree.Build();
    }

    public static GridLocator Empty { get; } = new([]);

    /// <summary>How many grids the index holds.</summary>
    public int Count { get; }

    /// <summary>
    /// The grid that contains the point, else the nearest grid within <paramref name="toleranceMetres"/>,
    /// else <see cref="GridPlacement.Unplaced"/>.
    /// </summary>
    public GridPlacement Locate(double latitude, double longitude, double toleranceMetres)
    {
        if (!(latitude is >= -90 and <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90.");
        }

        if (!(longitude is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180.");
        }

        if (!(toleranceMetres >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(toleranceMetres), toleranceMetres, "The tolerance must be zero or more metres.");
        }

        var point = new Coordinate(longitude, latitude);
        long? inside = null;
        foreach (var entry in _tree.Query(new Envelope(point)))
        {
            if ((inside is null || entry.GridId < inside) && entry.Locator.Locate(point) != Location.Exterior)
            {
                inside = entry.GridId;
            }
        }

        if (inside is not null)
        {
            return new GridPlacement(PlacementKind.Inside, inside, 0);
        }

        return toleranceMetres > 0 ? Nearest(point, toleranceMetres) : GridPlacement.Unplaced;
    }

    private GridPlacement Nearest(Coordinate point, double toleranceMetres)
    {
        var scale = LocalScale.At(point.Y);
        // A little margin: the envelope only preselects, the distance below decides.
        var dy = toleranceMetres / scale.MetresPerDegreeLatitude * 1.01;
        var dx = scale.MetresPerDegreeLongitude > 1e-6 ? Math.Min(180, toleranceMetres / scale.MetresPerDegreeLongitude * 1.01) : 180;
        var search = new Envelope(point.X - dx, point.X + dx, point.Y - dy, point.Y + dy);

        var best = GridPlacement.Unplaced;
        foreach (var entry in _tree.Query(search))
        {
            var distance = DistanceToBoundary(entry.Area, point, scale);
            if (distance <= toleranceMetres && (distance < best.DistanceMetres || (distance == best.DistanceMetres && entry.GridId < best.GridId)))
            {
                best = new GridPlacement(PlacementKind.Nearest, entry.GridId, distance);
            }
        }

        return best;
    }

    /// <summary>Distance in metres from a point outside the area to the nearest of its rings' segments.</summary>
    private static double DistanceToBoundary(Geometry area, Coordinate point, LocalScale scale)
    {
        var nearest = double.PositiveInfinity;
        for (var p = 0; p < area.NumGeometries; p++)
        {
            var polygon = (Polygon)area.GetGeometryN(p);
            nearest = Math.Min(nearest, DistanceToRing(polygon.ExteriorRing.CoordinateSequence, point, scale));
            foreach (var hole in polygon.InteriorRings)
            {
                nearest = Math.Min(nearest, DistanceToRing(hole.CoordinateSequence, point, scale));
            }
        }

        return nearest;
    }

    private static double DistanceToRing(CoordinateSequence ring, Coordinate point, LocalScale scale)
    {
        var nearestSquared = double.PositiveInfinity;
        var ax = (ring.GetX(0) - point.X) * scale.MetresPerDegreeLongitude;
        var ay = (ring.GetY(0) - point.Y) * scale.MetresPerDegreeLatitude;
        for (var i = 1; i < ring.Count; i++)
        {
            var bx = (ring.GetX(i) - point.X) * scale.MetresPerDegreeLongitude;
            var by = (ring.GetY(i) - point.Y) * scale.MetresPerDegreeLatitude;
            nearestSquared = Math.Min(nearestSquared, SquaredDistanceFromOrigin(ax, ay, bx, by));
            (ax, ay) = (bx, by);
        }

        return Math.Sqrt(nearestSquared);
    }

    /// <summary>Squared distance from (0, 0) to the segment a–b.</summary>
    private static double SquaredDistanceFromOrigin(double ax, double ay, double bx, double by)
    {
        var dx = bx - ax;
        var dy = by - ay;
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
        var x = ax + (t * dx);
        var y = ay + (t * dy);
        return (x * x) + (y * y);
    }

    private sealed record Entry(long GridId, Geometry Area, IPointOnGeometryLocator Locator);
}

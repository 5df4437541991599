using System.Diagnostics;
using CivicGrid.Web.Geography;

namespace CivicGrid.Bench;

/// <summary>
/// Point lookup against synthetic grid polygons (<see cref="GridGenerator"/>): how long the index
/// takes to build, how much memory it holds, and how long one lookup takes, in process, one call
/// at a time (what a request pays), then on all cores at once. The locator as shipped is compared
/// with indexing every grid and indexing none.
/// </summary>
public static class GeographyBench
{
    public static void Run(int gridCount, int lookups, double toleranceMetres)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        Run("street blocks", gridCount, pointsPerEdge: 6, lookups, toleranceMetres);
        Run("detailed survey", gridCount, pointsPerEdge: 40, lookups, toleranceMetres);
    }

    private static void Run(string dataSet, int gridCount, int pointsPerEdge, int lookups, double toleranceMetres)
    {
        Console.WriteLine();
        Console.WriteLine($"== {dataSet}");

        var geometryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var generation = Stopwatch.StartNew();
        var (grids, summary) = GridGenerator.Generate(gridCount, pointsPerEdge);
        var geometryBytes = GC.GetTotalMemory(forceFullCollection: true) - geometryBefore;
        Console.WriteLine($"generated {summary.Grids:N0} grids in {generation.Elapsed.TotalSeconds:N1} s: {summary.WithHoles} with a hole ({summary.FilledHoles} hole fillers), "
            + $"{summary.MultiPolygons} MultiPolygons, {summary.Merged} merged pairs, {summary.AverageVertices:N1} vertices on average, {summary.Invalid} invalid; "
            + $"geometries hold {geometryBytes / 1048576.0:N1} MiB");

        // Points anywhere in the city's box: nearly all inside a grid, a few in unfilled holes.
        var random = new Random(20261123);
        var inside = Points(lookups, () => GridGenerator.RandomPoint(random));
        // Points up to 300 m outside the box's eastern edge: the nearest-grid path.
        var outside = Points(Math.Max(1, lookups / 100), () => (GridGenerator.South + (random.NextDouble() * (GridGenerator.North - GridGenerator.South)), GridGenerator.East + (random.NextDouble() * 0.003)));

        // Run both kinds of test first, so the JIT has settled before anything is measured.
        foreach (var indexedAbove in new[] { 0, int.MaxValue })
        {
            var warm = new GridLocator(grids, indexedAbove);
            foreach (var (lat, lng) in inside.Take(200_000).Concat(outside))
            {
                warm.Locate(lat, lng, toleranceMetres);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| point-in-area test | build ms | allocated MiB | index MiB | lookups | n | tolerance m | inside / nearest / unplaced | median µs | p99 µs | p99.9 µs | max µs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        (string Name, int IndexedAbove)[] variants =
        [
            ($"GridLocator as shipped (indexed above {GridLocator.IndexedAboveVertices} vertices)", GridLocator.IndexedAboveVertices),
            ("every grid indexed (IndexedPointInAreaLocator)", 0),
            ("no grid indexed (ray crossing)", int.MaxValue),
        ];
        GridLocator? shipped = null;
        foreach (var (name, indexedAbove) in variants)
        {
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var build = Stopwatch.StartNew();
            var locator = new GridLocator(grids, indexedAbove);
            var buildTime = build.Elapsed;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
            var cost = $"| {name} | {buildTime.TotalMilliseconds:N0} | {allocated / 1048576.0:N1} | {indexBytes / 1048576.0:N1}";
            Measure(cost, "random points in the city", locator, inside, toleranceMetres);
            Measure(cost, "0–300 m outside the city", locator, outside, Math.Max(toleranceMetres, 500));
            shipped ??= locator;
        }

        var parallel = Stopwatch.StartNew();
        Parallel.For(0, inside.Length, i => shipped!.Locate(inside[i].Latitude, inside[i].Longitude, toleranceMetres));
        Console.WriteLine();
        Console.WriteLine($"GridLocator as shipped, throughput on {Environment.ProcessorCount} cores: {inside.Length / parallel.Elapsed.TotalSeconds:N0} lookups/s");
        GC.KeepAlive(grids);
    }

    private static (double Latitude, double Longitude)[] Points(int n, Func<(double, double)> next)
    {
        var points = new (double, double)[n];
        for (var i = 0; i < n; i++)
        {
            points[i] = next();
        }

        return points;
    }

    private static void Measure(string cost, string what, GridLocator locator, (double Latitude, double Longitude)[] points, double toleranceMetres)
    {
        var ticks = new long[points.Length];
        var kinds = new int[3];
        for (var i = 0; i < points.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var placement = locator.Locate(points[i].Latitude, points[i].Longitude, toleranceMetres);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            kinds[(int)placement.Kind]++;
        }

        Array.Sort(ticks);
        double Micro(double quantile) => ticks[Math.Min(ticks.Length - 1, (int)Math.Ceiling(quantile * ticks.Length) - 1)] * 1e6 / Stopwatch.Frequency;
        Console.WriteLine($"{cost} | {what} | {points.Length:N0} | {toleranceMetres:N0} | {kinds[0]:N0} / {kinds[1]:N0} / {kinds[2]:N0} | {Micro(0.5):N2} | {Micro(0.99):N2} | {Micro(0.999):N2} | {Micro(1):N0} |");
    }
}

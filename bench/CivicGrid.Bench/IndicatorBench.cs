using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Web.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Bench;

/// <summary>
/// The indicators (issue 8) over a planted year of events (<see cref="EventYearBench"/>): what
/// giving every event its outcome row costs once (as an upgrade's first start-up does), what a
/// start-up costs after, counting the stored cells from every row, what keeping the row current
/// adds to each save, and how long the dashboards of the district, a street and a community take
/// for the period presets and for periods that begin inside a month.
/// </summary>
public static class IndicatorBench
{
    private const int Runs = 7;
    private const int Projections = 1000;

    public static async Task RunAsync(string provider, string connectionString, int count, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-indicators-").FullName;
        var file = Path.Combine(folder, "indicators.db");
        var connection = connectionString.Length > 0 ? connectionString : $"Data Source={file}";
        var host = new BenchHost(provider, connection, Path.Combine(folder, "uploads"));
        await using (host)
        {
            var first = Stopwatch.StartNew();
            await host.StartAsync();
            Console.WriteLine($"first start-up (migrations, and on a database that has outcome rows but no cells, counting them): {first.Elapsed.TotalSeconds:N0} s");
        }

        var clock = EventYearBench.TodaysClock();
        await using (var db = host.NewDb())
        {
            // A database planted by an earlier run on this server is measured again as it stands (planting takes minutes).
            if (await db.Events.CountAsync() >= count)
            {
                Console.WriteLine($"reusing the {count:N0} events already planted in this database");
            }
            else
            {
                var planted = await EventYearBench.PlantAsync(host.NewDb, count, seed, clock);
                Console.WriteLine($"planted {count:N0} events ({provider}, seed {seed}) in {planted.Took.TotalSeconds:N0} s");
            }
        }

        await using (var db = host.NewDb())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            var backfill = Stopwatch.StartNew();
            var written = await OutcomeBackfill.RunAsync(db, CancellationToken.None);
            Console.WriteLine($"outcome rows written by the start-up backfill, then the cells counted from them: {written:N0} rows in {backfill.Elapsed.TotalSeconds:N0} s");
            Console.WriteLine($"stored: {await db.UnitCells.CountAsync():N0} cells, {await db.UnitSteps.CountAsync():N0} step counts, {await db.UnitSquares.CountAsync():N0} heat squares");
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        await MeasureProjectionAsync(host);

        await using (host)
        {
            var start = Stopwatch.StartNew();
            await host.StartAsync();
            Console.WriteLine($"start-up with every row present (finding no gap included): {start.Elapsed.TotalSeconds:N1} s");
            await MeasureDashboardsAsync(host, provider, count, clock);
        }
    }

    /// <summary>
    /// What the save interceptor adds to a save that changes one event: reading its timeline,
    /// ratings, callback and supervision orders and its outcome row, and projecting them.
    /// </summary>
    private static async Task MeasureProjectionAsync(BenchHost host)
    {
        await using var db = host.NewDb();
        var maxId = await db.Events.MaxAsync(e => e.Id);
        var random = new Random(8);
        var samples = new List<double>(Projections);
        for (var i = 0; i < Projections + 50; i++)
        {
            var e = await db.Events.FindAsync(random.NextInt64(1, maxId + 1));
            if (e is null)
            {
                continue;
            }

            var sw = Stopwatch.StartNew();
            await OutcomeWriter.ProjectAsync(db, [e], CancellationToken.None);
            if (i >= 50)
            {
                samples.Add(sw.Elapsed.TotalMilliseconds);
            }

            db.ChangeTracker.Clear();
        }

        Console.WriteLine($"outcome projection added to a save of one event (n {samples.Count}): p50 {Samples.Percentile(samples, 50):N2} ms, p99 {Samples.Percentile(samples, 99):N2} ms, max {samples.Max():N1} ms");
    }

    private static async Task MeasureDashboardsAsync(BenchHost host, string provider, int count, DateTime clock)
    {
        var today = DateOnly.FromDateTime(clock.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        // The presets cover whole months (read from the cells); the last 90 and 365 days begin inside a month, whose days are read from the rows.
        var periods = new (string Name, DateOnly From, DateOnly To)[]
        {
            ("this month", month, today),
            ("last month", month.AddMonths(-1), month.AddDays(-1)),
            ("this quarter", new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1), today),
            ("this year", new DateOnly(today.Year, 1, 1), today),
            ("last 90 days", today.AddDays(-89), today),
            ("last 365 days", today.AddDays(-364), today),
        };
        var viewers = new (string Who, string Unit)[] { ("zhanghui", "district"), ("wangjun", "street 蓝田"), ("xujing", "community 朝阳") };

        Console.WriteLine();
        Console.WriteLine($"| {provider} | events | unit | period | received | first ms | median ms | max ms | map median ms | drill-down (on time, page 1) median ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (who, unit) in viewers)
        {
            using var client = await StaffSignIn.AsAsync(host.BaseUrl, who);
            foreach (var (name, from, to) in periods)
            {
                var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
                var path = $"/api/v1/indicators?{query}";
                var first = await Samples.TimeAsync(1, () => client.GetAsync(path));
                var runs = await Samples.TimeAsync(Runs, () => client.GetAsync(path));
                var map = await Samples.TimeAsync(Runs, () => client.GetAsync($"/api/v1/indicators/map?{query}"));
                var drill = await Samples.TimeAsync(Runs, () => client.GetAsync($"/api/v1/indicators/events?{query}&indicator=ClosedOnTime"));
                var report = await client.GetFromJsonAsync<JsonElement>(path);
                var received = report.GetProperty("totals").GetProperty("received").GetInt32();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {count:N0} | {unit} | {name} | {received:N0} | {first[0]:N0} | {Samples.Percentile(runs, 50):N0} | {runs.Max():N0} | {Samples.Percentile(map, 50):N0} | {Samples.Percentile(drill, 50):N0} |"));
            }
        }
    }
}

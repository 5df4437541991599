using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.Bench;
using CivicGrid.Web.Demo;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project bench/CivicGrid.Bench -- <Sqlite|Postgres> <connection string> [events=100000] [seconds=20] [concurrency=16]
// scripts/bench.sh runs it on both databases; docs/benchmarks.md records the results.
// dotnet run -c Release --project bench/CivicGrid.Bench -- geography [grids=20000] [lookups=1000000] [tolerance metres=100]
// measures only the grid index (no database, no HTTP); scripts/bench.sh geography runs it.
// dotnet run -c Release --project bench/CivicGrid.Bench -- suggestions [bench/data/category-suggestions.tsv]
// measures category suggestion against the labelled descriptions; scripts/bench.sh suggestions runs it.
// dotnet run -c Release --project bench/CivicGrid.Bench -- sms [messages=5000] [concurrency=16,1]
// measures SMS throughput through the HTTP gateway against a local server; scripts/bench.sh sms runs it.
// dotnet run -c Release --project bench/CivicGrid.Bench -- import [Sqlite|Postgres] [connection string] [persons=100000]
// a generated ledger uploaded, dry-run, imported and imported again by a grid worker; scripts/bench.sh import.
if (args.ElementAtOrDefault(0) == "import")
{
    await ImportBench.RunAsync(args.ElementAtOrDefault(1) ?? "Sqlite", args.ElementAtOrDefault(2) ?? "", int.Parse(args.ElementAtOrDefault(3) ?? "100000"));
    return;
}

// dotnet run -c Release --project bench/CivicGrid.Bench -- registry [Sqlite|Postgres] [connection string] [persons=100000]
// a street of planted persons: each standard 一表通 template for the street, and lookups by ID number; scripts/bench.sh registry.
if (args.ElementAtOrDefault(0) == "registry")
{
    await RegistryBench.RunAsync(args.ElementAtOrDefault(1) ?? "Sqlite", args.ElementAtOrDefault(2) ?? "", int.Parse(args.ElementAtOrDefault(3) ?? "100000"));
    return;
}

// dotnet run -c Release --project bench/CivicGrid.Bench -- year [Sqlite|Postgres] [connection string] [events=1000000] [seed=20261206]
// plants a realistic year of events with their timelines, evaluations, callbacks and supervision orders, and checks it; scripts/bench.sh year.
if (args.ElementAtOrDefault(0) == "year")
{
    await EventYearBench.RunAsync(args.ElementAtOrDefault(1) ?? "Sqlite", args.ElementAtOrDefault(2) ?? "", int.Parse(args.ElementAtOrDefault(3) ?? "1000000"), int.Parse(args.ElementAtOrDefault(4) ?? "20261206"));
    return;
}

// dotnet run -c Release --project bench/CivicGrid.Bench -- indicators [Sqlite|Postgres] [connection string] [events=1000000] [seed=20261206]
// a planted year: the outcome rows' backfill, their cost on each save, start-up, and the dashboards of the district, a street and a community; scripts/bench.sh indicators.
if (args.ElementAtOrDefault(0) == "indicators")
{
    await IndicatorBench.RunAsync(args.ElementAtOrDefault(1) ?? "Sqlite", args.ElementAtOrDefault(2) ?? "", int.Parse(args.ElementAtOrDefault(3) ?? "1000000"), int.Parse(args.ElementAtOrDefault(4) ?? "20261206"));
    return;
}

if (args.ElementAtOrDefault(0) == "sms")
{
    await SmsBench.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "5000"), (args.ElementAtOrDefault(2) ?? "16,1").Split(',').Select(int.Parse).ToList());
    return;
}

// dotnet run -c Release --project bench/CivicGrid.Bench -- notify <Sqlite|Postgres> [connection string] [rounds=100] [listeners=200]
// measures dispatch → the assignee's open to-do page (headless Chromium) with other hub connections; scripts/bench.sh notify.
if (args.ElementAtOrDefault(0) == "notify")
{
    await NotifyBench.RunAsync(args.ElementAtOrDefault(1) ?? "Sqlite", args.ElementAtOrDefault(2) ?? "", int.Parse(args.ElementAtOrDefault(3) ?? "100"), int.Parse(args.ElementAtOrDefault(4) ?? "200"));
    return;
}

// dotnet run -c Release --project bench/CivicGrid.Bench -- phone [runs=5]
// the residents' public pages in Chromium throttled to Regular 3G and a 4× slower CPU; scripts/bench.sh phone.
if (args.ElementAtOrDefault(0) == "phone")
{
    await PhoneBench.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "5"));
    return;
}

if (args.ElementAtOrDefault(0) == "suggestions")
{
    SuggestionBench.Run(args.ElementAtOrDefault(1) ?? "bench/data/category-suggestions.tsv");
    return;
}

if (args.ElementAtOrDefault(0) == "geography")
{
    GeographyBench.Run(int.Parse(args.ElementAtOrDefault(1) ?? "20000"), int.Parse(args.ElementAtOrDefault(2) ?? "1000000"), double.Parse(args.ElementAtOrDefault(3) ?? "100", System.Globalization.CultureInfo.InvariantCulture));
    return;
}

var provider = args.ElementAtOrDefault(0) ?? "Sqlite";
var folder = Directory.CreateTempSubdirectory("civicgrid-bench-").FullName;
var connection = args.ElementAtOrDefault(1) is { Length: > 0 } given ? given : $"Data Source={Path.Combine(folder, "bench.db")}";
var events = int.Parse(args.ElementAtOrDefault(2) ?? "100000");
var seconds = int.Parse(args.ElementAtOrDefault(3) ?? "20");
var concurrency = int.Parse(args.ElementAtOrDefault(4) ?? "16");

await using var host = new BenchHost(provider, connection, Path.Combine(folder, "uploads"));
await host.StartAsync();

var fill = Stopwatch.StartNew();
await EventGenerator.FillAsync(host.NewDb, events);
await EventGenerator.FillAsync(host.NewDb, MapWindow.Events, area: MapWindow.Area);
Console.WriteLine($"planted {events:N0} events, and {MapWindow.Events:N0} more in the map window, in {fill.Elapsed.TotalSeconds:N0} s");

(double Latitude, double Longitude) yiyangGrid3;
await using (var db = host.NewDb())
{
    // Reports stand inside 毅阳社区's third grid, so each one is placed through the grid index.
    var gridId = await db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync();
    var inside = (await db.GridBoundaries.Where(b => b.GridId == gridId).Select(b => b.Area).SingleAsync()).InteriorPoint;
    yiyangGrid3 = (inside.Y, inside.X);
    // Fresh statistics, as a production database would have after autovacuum.
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
}

var chen = await StaffSignIn.AsAsync(host.BaseUrl, "chenliting");
var qiu = await StaffSignIn.AsAsync(host.BaseUrl, "qiumeiling");

// Warm up the paths measured below.
for (var i = 0; i < 50; i++)
{
    (await chen.GetAsync("/api/v1/todo")).EnsureSuccessStatusCode();
    (await qiu.PostAsJsonAsync("/api/v1/events", Report(yiyangGrid3))).EnsureSuccessStatusCode();
}

var todo = await Samples.TimeAsync(500, () => chen.GetAsync("/api/v1/todo"));
var counts = await Samples.TimeAsync(500, () => chen.GetAsync("/api/v1/todo/counts"));
// 绿地 stands only in the 50 reports made above, 事件 in the title of every planted event, and
// 123456 is the serial of one planted event, months old.
var search = await Samples.TimeAsync(300, () => chen.GetAsync("/api/v1/events?q=%E7%BB%BF%E5%9C%B0"));
var searchCommon = await Samples.TimeAsync(300, () => chen.GetAsync("/api/v1/events?q=%E4%BA%8B%E4%BB%B6"));
var searchOld = await Samples.TimeAsync(300, () => chen.GetAsync("/api/v1/events?q=123456"));

var zhang = await StaffSignIn.AsAsync(host.BaseUrl, "zhanghui");
await MapWindow.CheckAsync(zhang);
var mapQuery = MapWindow.FilteredQuery(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));
for (var i = 0; i < 20; i++)
{
    (await zhang.GetAsync(MapWindow.Query)).EnsureSuccessStatusCode();
    (await zhang.GetAsync(mapQuery)).EnsureSuccessStatusCode();
}

var map = await Samples.TimeAsync(200, () => zhang.GetAsync(MapWindow.Query));
var mapFiltered = await Samples.TimeAsync(200, () => zhang.GetAsync(mapQuery));

var reportLatencies = new List<double>();
var reported = 0;
var failed = 0;
var until = Stopwatch.StartNew();
var workers = Enumerable.Range(0, concurrency).Select(async _ =>
{
    var client = await StaffSignIn.AsAsync(host.BaseUrl, "qiumeiling");
    var mine = new List<double>();
    while (until.Elapsed.TotalSeconds < seconds)
    {
        var sw = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/events", Report(yiyangGrid3));
        mine.Add(sw.Elapsed.TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref reported);
        }
        else
        {
            Interlocked.Increment(ref failed);
        }
    }

    lock (reportLatencies)
    {
        reportLatencies.AddRange(mine);
    }
}).ToList();
await Task.WhenAll(workers);
var elapsed = until.Elapsed.TotalSeconds;

Console.WriteLine();
Console.WriteLine($"| {provider} | events in database | measurement | n | p50 ms | p95 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|");
Row("GET /api/v1/todo (community head)", todo);
Row("GET /api/v1/todo/counts", counts);
Row("GET /api/v1/events?q=绿地 (search, a word of 50 recent reports)", search);
Row("GET /api/v1/events?q=事件 (search, a word of every event)", searchCommon);
Row("GET /api/v1/events?q=123456 (search, one old event by its serial)", searchOld);
Row($"GET /api/v1/map/events ({MapWindow.Events:N0} in the window, district dispatcher)", map);
Row("GET /api/v1/map/events (same window, one category, last 30 days)", mapFiltered);
Row($"POST /api/v1/events ({concurrency} concurrent)", reportLatencies);
Console.WriteLine();
Console.WriteLine($"reports created: {reported:N0} in {elapsed:N1} s = {reported / elapsed:N0} reports/s ({failed} failed), {concurrency} concurrent clients");

void Row(string what, List<double> samples) =>
    Console.WriteLine($"| {provider} | {events:N0} | {what} | {samples.Count} | {Samples.Percentile(samples, 50):N1} | {Samples.Percentile(samples, 95):N1} | {Samples.Percentile(samples, 99):N1} |");

static object Report((double Latitude, double Longitude) at) => new
{
    title = "绿地私搭停车棚",
    description = "居民反映占用绿地私搭停车棚",
    categoryId = 1,
    latitude = at.Latitude,
    longitude = at.Longitude,
    address = "毅阳社区 12 栋东侧绿地",
};


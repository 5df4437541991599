using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CivicGrid.Bench;

/// <summary>
/// The residents' public pages as a low-end Android phone on Regular 3G sees them: Chromium
/// throttled through DevTools (network and CPU), each page opened with an empty cache and then
/// again in the same context. Bytes and requests come from the DevTools network events, so a
/// response served from the browser's cache counts neither.
/// </summary>
public static partial class PhoneBench
{
    // DevTools' "Regular 3G" preset: 750 kbit/s down, 250 kbit/s up (kbit of 1,024 bits), 100 ms round trip.
    public const double DownKbit = 750;
    public const double UpKbit = 250;
    public const double LatencyMs = 100;
    public const double CpuSlowdown = 4;

    private const string MobileAgent = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";

    private const string Timings = """
        async () => {
            const fcp = await new Promise(resolve => {
                new PerformanceObserver(list => {
                    const entry = list.getEntries().find(e => e.name === 'first-contentful-paint');
                    if (entry) resolve(entry.startTime);
                }).observe({ type: 'paint', buffered: true });
                setTimeout(() => resolve(-1), 5000);
            });
            const nav = performance.getEntriesByType('navigation')[0];
            const fetched = [nav, ...performance.getEntriesByType('resource')].filter(e => e.transferSize > 0);
            return [nav.domContentLoadedEventEnd, nav.loadEventEnd, fcp, fetched.length, fetched.reduce((sum, e) => sum + e.transferSize, 0)];
        }
        """;

    public static async Task RunAsync(int runs)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-bench-phone-").FullName;
        await using var host = new BenchHost("Sqlite", $"Data Source={Path.Combine(folder, "bench.db")}", Path.Combine(folder, "uploads"));
        await host.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var streets = await http.GetStringAsync("/r/streets");
        var street = StreetLink().Match(streets) is { Success: true } link ? link.Value : throw new InvalidOperationException("/r/streets lists no street.");
        string[] paths = ["/r", "/r/report", "/r/sign-in", "/r/streets", street];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchHost.LaunchChromiumAsync(playwright);

        Console.WriteLine($"Regular 3G: {DownKbit} kbit/s down, {UpKbit} kbit/s up, {LatencyMs} ms latency; CPU {CpuSlowdown}× slower; 360×780, mobile user agent; median of {runs} runs");
        Console.WriteLine();
        Console.WriteLine("| page | visit | requests | transferred KiB | DOMContentLoaded ms | load ms | first contentful paint ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var bodies = new Dictionary<string, HashSet<string>>();
        foreach (var path in paths)
        {
            var first = new List<Visit>();
            var repeat = new List<Visit>();
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.NewContextAsync(new()
                {
                    ViewportSize = new() { Width = 360, Height = 780 },
                    UserAgent = MobileAgent,
                    IsMobile = true,
                    HasTouch = true,
                    DeviceScaleFactor = 2,
                    BaseURL = host.BaseUrl,
                    Locale = "zh-CN",
                });
                var page = await context.NewPageAsync();
                var network = await ThrottleAsync(context, page);
                first.Add(await VisitAsync(page, path, network));
                bodies.TryAdd(path, [.. network.Urls]);
                repeat.Add(await VisitAsync(page, path, network));
            }

            Row(path, "first (empty cache)", first);
            Row(path, "repeat (same context)", repeat);
        }

        Console.WriteLine();
        Console.WriteLine("| page | responses | compressed by the server | body KiB | gzip KiB | saved | largest body KiB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (path, urls) in bodies)
        {
            long raw = 0, gzip = 0;
            var encoded = 0;
            var largest = (Url: "", Bytes: 0);
            foreach (var url in urls.Where(u => u.StartsWith(host.BaseUrl, StringComparison.Ordinal)))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
                using var response = await http.SendAsync(request);
                encoded += response.Content.Headers.ContentEncoding.Count > 0 ? 1 : 0;
                var body = await response.Content.ReadAsByteArrayAsync();
                raw += body.Length;
                largest = body.Length > largest.Bytes ? (new Uri(url).AbsolutePath, body.Length) : largest;
                gzip += GzipLength(body);
            }

            Console.WriteLine($"| {path} | {urls.Count} | {encoded} | {raw / 1024.0:N1} | {gzip / 1024.0:N1} | {(raw - gzip) / 1024.0:N1} KiB ({100.0 * (raw - gzip) / Math.Max(raw, 1):N0} %) | {largest.Url} {largest.Bytes / 1024.0:N1} |");
        }
    }

    private static async Task<Network> ThrottleAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        var network = new Network();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) => network.Urls.Add(e!.Value.GetProperty("response").GetProperty("url").GetString()!);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = DownKbit * 1024 / 8,
            ["uploadThroughput"] = UpKbit * 1024 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = CpuSlowdown });
        return network;
    }

    private static async Task<Visit> VisitAsync(IPage page, string path, Network network)
    {
        // From another document, so that the repeat visit is a navigation like a tap on a link, not a reload.
        await page.GotoAsync("about:blank");
        network.Clear();
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"{path}: {response?.Status}");
        }

        var times = await page.EvaluateAsync<double[]>(Timings);

        return new Visit((int)times[3], times[4], times[0], times[1], times[2]);
    }

    private static void Row(string path, string visit, List<Visit> visits) =>
        Console.WriteLine($"| {path} | {visit} | {Median(visits.Select(v => (double)v.Requests)):N0} | {Median(visits.Select(v => v.Bytes)) / 1024:N1} | {Median(visits.Select(v => v.DomContentLoaded)):N0} | {Median(visits.Select(v => v.Load)):N0} | {Median(visits.Select(v => v.FirstContentfulPaint)):N0} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static long GzipLength(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.Length;
    }

    [GeneratedRegex(@"/r/streets/\d+")]
    private static partial Regex StreetLink();

    private sealed record Visit(int Requests, double Bytes, double DomContentLoaded, double Load, double FirstContentfulPaint);

    private sealed class Network
    {
        public List<string> Urls { get; } = [];


        public void Clear()
        {
            Urls.Clear();
        }
    }
}

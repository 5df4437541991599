using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Notifications.RealTime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Bench;

/// <summary>
/// From a dispatch through the API to the assignee's open to-do page showing the new event, with
/// many other pages connected to the hub. The page stamps the moment the event's row appears
/// (a MutationObserver), on the same machine clock as the stamp taken before the dispatch.
/// </summary>
public static class NotifyBench
{
    private static readonly string[] Accounts = ["qiumeiling", "linxiaohua", "zhengwei", "chenliting", "huangyan", "xujing", "wangjun", "zhanghui", "zhoumin", "wuhong", "yangfan", "liming"];

    private const string Observer = """
        () => {
            window.civicgridSeen = {};
            const stamp = () => {
                const now = performance.timeOrigin + performance.now();
                document.querySelectorAll('[data-testid="todo-item"] .number').forEach(n => {
                    const number = n.textContent.trim();
                    if (!(number in window.civicgridSeen)) window.civicgridSeen[number] = now;
                });
            };
            stamp();
            new MutationObserver(stamp).observe(document.body, { childList: true, subtree: true });
        }
        """;

    public static async Task RunAsync(string provider, string connectionString, int rounds, int listeners)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-bench-notify-").FullName;
        var connection = connectionString.Length > 0 ? connectionString : $"Data Source={Path.Combine(folder, "bench.db")}";
        await using var host = new BenchHost(provider, connection, Path.Combine(folder, "uploads"));
        await host.StartAsync();

        int chengguan;
        (double Latitude, double Longitude) spot;
        await using (var db = host.NewDb())
        {
            chengguan = await db.OrgUnits.Where(u => u.Name == "蓝田街道城管办").Select(u => u.Id).SingleAsync();
            var grid = await db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync();
            var inside = (await db.GridBoundaries.Where(b => b.GridId == grid).Select(b => b.Area).SingleAsync()).InteriorPoint;
            spot = (inside.Y, inside.X);
        }

        var tokens = new List<string>();
        foreach (var account in Accounts)
        {
            tokens.Add((await StaffSignIn.AsAsync(host.BaseUrl, account)).DefaultRequestHeaders.Authorization!.Parameter!);
        }

        // The crowd: other people's pages, each on its own WebSocket, all in their groups.
        var crowd = new List<HubConnection>();
        for (var i = 0; i < listeners; i++)
        {
            var token = tokens[i % tokens.Count];
            var hub = new HubConnectionBuilder()
                .WithUrl($"{host.BaseUrl}{NotificationHub.Path}", options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            hub.On<JsonElement>(NotificationHub.Notified, _ => { });
            await hub.StartAsync();
            crowd.Add(hub);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchHost.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 780 }, BaseURL = host.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Identity/SignIn");
        await page.GetByTestId("user-name").FillAsync("liuqiang");
        await page.GetByTestId("password").FillAsync(DemoData.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync("**/Events/Todo**", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("html[data-live='connected']").WaitForAsync(new() { Timeout = 60_000 });
        await page.EvaluateAsync(Observer);
        var marker = await page.EvaluateAsync<double>("() => window.civicgridMarker = performance.timeOrigin");

        var chen = await StaffSignIn.AsAsync(host.BaseUrl, "chenliting");
        var wang = await StaffSignIn.AsAsync(host.BaseUrl, "wangjun");
        var liu = await StaffSignIn.AsAsync(host.BaseUrl, "liuqiang");
        var samples = new List<double>(rounds);
        const int warmUp = 5;
        for (var round = 0; round < rounds + warmUp; round++)
        {
            // Report and escalate to the street centre: not measured.
            var reported = await ReadAsync(await chen.PostAsJsonAsync("/api/v1/events", Report(spot)));
            var escalated = await ReadAsync(await chen.PostAsJsonAsync($"/api/v1/events/{Id(reported)}/escalate", new { version = Version(reported), note = "需要城管" }));
            var number = reported.GetProperty("number").GetString()!;

            var sent = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
            var dispatched = await ReadAsync(await wang.PostAsJsonAsync($"/api/v1/events/{Id(escalated)}/dispatch", new { version = Version(escalated), targetUnitId = chengguan }));
            try
            {
                await page.WaitForFunctionAsync("n => window.civicgridSeen[n] !== undefined", number, new() { Timeout = 30_000, PollingInterval = 50 });
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"{number} did not reach 刘强's open page within 30 s: is the delivery worker running (Notifications:Delivery:InBackground)?");
            }

            var seen = await page.EvaluateAsync<double>("n => window.civicgridSeen[n]", number);
            if (round >= warmUp)
            {
                samples.Add(seen - sent);
            }

            // Back to the centre, so the next event is again on the first page of 刘强's list (nearest deadline first).
            await ReadAsync(await liu.PostAsJsonAsync($"/api/v1/events/{Id(dispatched)}/return", new { version = Version(dispatched), note = "测量后退回" }));
        }

        if (await page.EvaluateAsync<double>("() => window.civicgridMarker") != marker)
        {
            throw new InvalidOperationException("The to-do page was reloaded during the run: the figures would not be of the live update.");
        }

        Console.WriteLine($"| dispatch → assignee's open page shows it | {provider} | {listeners} other connections | {samples.Count} | {Samples.Percentile(samples, 50):N0} ms | {Samples.Percentile(samples, 99):N0} ms | {samples.Max():N0} ms |");
        foreach (var hub in crowd)
        {
            await hub.DisposeAsync();
        }
    }

    private static object Report((double Latitude, double Longitude) at) => new
    {
        title = "绿地私搭停车棚（通知测量）",
        description = "居民反映占用绿地私搭停车棚",
        categoryId = 1,
        latitude = at.Latitude,
        longitude = at.Longitude,
        address = "毅阳社区 12 栋东侧绿地",
    };

    private static long Id(JsonElement e) => e.GetProperty("id").GetInt64();

    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

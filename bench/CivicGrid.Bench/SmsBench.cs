using System.Collections.Concurrent;
using System.Diagnostics;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Bench;

/// <summary>
/// SMS throughput through the generic HTTP gateway as the platform registers it (IHttpClientFactory,
/// resilience handler), against a local Kestrel server that answers like a provider: what the
/// platform itself costs per message, without the network or the provider's own time.
/// </summary>
public static class SmsBench
{
    public static async Task RunAsync(int messages, IReadOnlyList<int> concurrencies)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var provider = builder.Build();
        var received = new ConcurrentDictionary<string, byte>();
        provider.Run(async context =>
        {
            received.TryAdd(context.Request.Headers["Idempotency-Key"].ToString(), 0);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"p-{{Guid.NewGuid():N}}"}""");
        });
        await provider.StartAsync();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Sms:Gateway"] = "Http",
            ["Notifications:Sms:Http:Url"] = $"{provider.Urls.Single()}/send",
            ["Notifications:Sms:Http:Auth"] = "Bearer",
            ["Notifications:Sms:Http:Token"] = "bench",
        }).Build());
        services.AddSingleton<SmsSink>();
        services.AddSmsGateways();
        await using var built = services.BuildServiceProvider();
        var gateway = built.GetRequiredKeyedService<ISmsGateway>(HttpSmsGateway.Key);

        await SendAsync(gateway, "warm", 200, 4);
        Console.WriteLine();
        Console.WriteLine("| gateway | messages | concurrency | messages/s | p50 ms | p99 ms | failed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var concurrency in concurrencies)
        {
            received.Clear();
            var (elapsed, latencies, failed) = await SendAsync(gateway, $"c{concurrency}", messages, concurrency);
            Console.WriteLine($"| HTTP (local server) | {messages:N0} | {concurrency} | {messages / elapsed.TotalSeconds:N0} | {Samples.Percentile(latencies, 50):N2} | {Samples.Percentile(latencies, 99):N2} | {failed} |");
            if (received.Count != messages - failed)
            {
                throw new InvalidOperationException($"the server saw {received.Count} keys for {messages - failed} messages sent");
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, List<double> Latencies, int Failed)> SendAsync(ISmsGateway gateway, string run, int messages, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < messages)
            {
                var message = new SmsMessage($"{run}-{i}", $"138{i:D8}", $"【网格治理】新待办E20261123-{i:D4}：路灯不亮，毅阳社区幸福路12号，期限11月24日 17:00。", "NewTodo",
                    new Dictionary<string, string> { ["number"] = $"E20261123-{i:D4}", ["category"] = "路灯不亮", ["place"] = "毅阳社区幸福路12号", ["deadline"] = "11月24日 17:00", ["count"] = "1" });
                var sw = Stopwatch.StartNew();
                ChannelResult result = await gateway.SendAsync(message, default);
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                if (!result.Succeeded)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return (clock.Elapsed, [.. latencies], failed);
    }
}

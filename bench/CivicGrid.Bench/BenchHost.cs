using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.Bench;

/// <summary>
/// The real application in its own process (Release build, Kestrel on loopback), on the
/// database under test, as it runs in production: the load client is another process, so it
/// does not share the server's garbage collector and thread pool.
/// </summary>
public sealed class BenchHost(string provider, string connectionString, string uploads) : IAsyncDisposable
{
    private Process? _server;

    public string BaseUrl { get; private set; } = "";

    public async Task StartAsync()
    {
        var web = WebProjectFolder();
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "CivicGrid.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the platform first: dotnet build src/CivicGrid.Web -c Release", dll);
        }

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = web, RedirectStandardOutput = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = BaseUrl;
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Attachments__StoragePath"] = uploads;
        start.Environment["Registry__KeyFolder"] = Path.Combine(uploads, "registry-keys");
        start.Environment["Registry__ImportFolder"] = Path.Combine(uploads, "registry-imports");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[server] {line.Data}"); };
        _server.BeginOutputReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        // An upgrade's first start-up fills in what the new version keeps (outcome rows, indicator cells) before it listens.
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromMinutes(30); await Task.Delay(250))
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"The platform stopped during start-up (exit code {_server.ExitCode}).");
            }

            try
            {
                if ((await probe.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        throw new TimeoutException("The platform did not answer /healthz within 30 minutes.");
    }

    /// <summary>The server process's peak resident memory so far (VmHWM on Linux).</summary>
    public double ServerPeakWorkingSetMegabytes()
    {
        _server!.Refresh();
        return _server.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>Debian's headless Chromium (CHROMIUM_PATH to use another), without its background traffic.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>A context on the same database, for planting events and running ANALYZE.</summary>
    public CivicGridDb NewDb() => provider == "Postgres"
        ? new PostgresCivicGridDb(new DbContextOptionsBuilder<PostgresCivicGridDb>().UseNpgsql(connectionString).Options)
        : new SqliteCivicGridDb(new DbContextOptionsBuilder<SqliteCivicGridDb>().UseSqlite(connectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CivicGrid.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/CivicGrid.Web not found above the bench's folder.");
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// The real application on a real database of its own, with the demo district planted and a
/// clock the test can move. Intent methods (<see cref="SignInAsync"/>) keep tests readable.
/// </summary>
public sealed class CivicGridFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("civicgrid-test-").FullName;
    private readonly string _connectionString;

    /// <summary>
    /// One key folder for the whole run, as one deployment has: the registry's encrypted numbers
    /// and lookup hashes mean the same in every test's database.
    /// </summary>
    private static readonly string KeyFolder = Directory.CreateTempSubdirectory("civicgrid-keys-").FullName;

    public CivicGridFactory() => _connectionString = TestDatabase.NewConnectionString(_folder);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    public string UploadFolder => Path.Combine(_folder, "uploads");

    /// <summary>
    /// Off by default: tests deliver notifications when they say so (one delivery round at a time),
    /// like the overdue sweep. Real-time tests and the browser host turn the worker on.
    /// </summary>
    public bool DeliverNotificationsInBackground { get; init; }

    /// <summary>A Redis for the SignalR backplane, when the test is about several instances.</summary>
    public string? SignalRRedis { get; init; }

    /// <summary>Settings of the test's own, over the defaults (e.g. a callback share of 1 so every closed event is picked).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Attachments:StoragePath", UploadFolder);
        builder.UseSetting("Attachments:MaxBytes", (1024 * 1024).ToString());
        builder.UseSetting("Geography:ImportFolder", Path.Combine(_folder, "grid-imports"));
        builder.UseSetting("Registry:KeyFolder", KeyFolder);
        builder.UseSetting("Registry:ImportFolder", Path.Combine(_folder, "registry-imports"));
        // Tests sweep for overdue deadlines when they say so (SupervisionClient.SweepAsync), not whenever the clock moves.
        builder.UseSetting("Supervision:SweepInBackground", "false");
        builder.UseSetting("Database:SeedDemoActivity", "false");
        builder.UseSetting("Notifications:Delivery:InBackground", DeliverNotificationsInBackground ? "true" : "false");
        if (SignalRRedis is not null)
        {
            builder.UseSetting("SignalR:Redis", SignalRRedis);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task<HttpClient> SignInAsync(string userName, string password = CivicGrid.Web.Demo.DemoData.Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        await response.ShouldBe(System.Net.HttpStatusCode.OK);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Runs a query against the test's database, to check what was (not) stored.</summary>
    public async Task<T> QueryAsync<T>(Func<CivicGridDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CivicGridDb>());
    }

    public async Task<Spot> SpotInGridAsync(int gridId)
    {
        var area = await QueryAsync(db => db.GridBoundaries.Where(b => b.GridId == gridId).Select(b => b.Area).SingleAsync());
        var inside = area.InteriorPoint;
        return new Spot(inside.Y, inside.X);
    }

    public async Task<int> IdOfUnitAsync(string name) => await QueryAsync(db => db.OrgUnits.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public override async ValueTask DisposeAsync()
    {
        if (TestDatabase.PostgresServer is not null)
        {
            await QueryAsync(db => db.Database.EnsureDeletedAsync());
        }

        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed record TokenResponse(string AccessToken);
}

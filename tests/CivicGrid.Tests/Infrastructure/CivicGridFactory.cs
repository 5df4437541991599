using System.Globalization;
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

    /// <summary>
    /// One key folder for the whole run, as one deployment has: the registry's encrypted numbers
    /// and lookup hashes mean the same in every test's database.
    /// </summary>
    private static readonly string KeyFolder = Directory.CreateTempSubdirectory("civicgrid-keys-").FullName;

    /// <summary>Settings that change what the start-up plants, which a copied template would not follow.</summary>
    private static readonly string[] SeedSettings = ["Database:SeedDemoData", "Database:SeedDemoActivity", "Database:MigrateOnStartup"];

    /// <summary>Set when this factory's only purpose is to migrate and seed a template database (<see cref="TestDatabase"/>).</summary>
    private readonly string? _template;
    private string? _connectionString;

    public CivicGridFactory()
    {
    }

    private CivicGridFactory(string template, DateTimeOffset start, Dictionary<string, string> settings)
    {
        _template = template;
        Clock = new FakeTimeProvider(start);
        Settings = settings;
    }

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
        // Hosts made WithWebHostBuilder come here too: they are this application restarted, on the same database.
        _connectionString ??= _template ?? NewDatabase();

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
        builder.UseSetting("Indicators:FoldCellsInBackground", "false");
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

        var seeding = SeedSettings.Select(builder.GetSetting).ToList();
        builder.ConfigureServices(services =>
        {
            if (!SeedSettings.Select(builder.GetSetting).SequenceEqual(seeding))
            {
                throw new InvalidOperationException($"A host made WithWebHostBuilder would find the template seeded with its parent's settings: give {string.Join(", ", SeedSettings)} in Settings.");
            }

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
        if (TestDatabase.PostgresServer is not null && _template is null && _connectionString is not null)
        {
            await QueryAsync(db => db.Database.EnsureDeletedAsync());
        }

        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// A copy of the template database for this factory's seed: the rows planted depend on its
    /// settings and on the clock at start-up (time stamps, the demo notice's meeting date), so
    /// factories that agree on both share a template.
    /// </summary>
    private string NewDatabase()
    {
        var start = Clock.GetUtcNow();
        var settings = new Dictionary<string, string>(Settings);
        var seed = string.Join('\n', settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}").Prepend(start.ToString("O", CultureInfo.InvariantCulture)));
        return TestDatabase.NewConnectionString(_folder, seed, template => BuildTemplate(template, start, settings));
    }

    /// <summary>Starts the application on the template database, which migrates and seeds it, and stops it.</summary>
    private static void BuildTemplate(string template, DateTimeOffset start, Dictionary<string, string> settings)
    {
        using var factory = new CivicGridFactory(template, start, settings);
        _ = factory.Services;
    }

    private sealed record TokenResponse(string AccessToken);
}

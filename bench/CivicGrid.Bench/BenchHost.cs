using CivicGrid.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Bench;

/// <summary>The real application on Kestrel (loopback), on the database under test, quiet logs.</summary>
public sealed class BenchHost(string provider, string connectionString, string uploads) : WebApplicationFactory<CivicGridDb> // any type of the web assembly names its entry point; the bench has its own Program
{
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        // The factory looks for the web project's content root beside a solution; tell it where.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CIVICGRID_WEB", WebProjectFolder());
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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

    public CivicGridDb NewDb() => Services.CreateScope().ServiceProvider.GetRequiredService<CivicGridDb>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Attachments:StoragePath", uploads);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}

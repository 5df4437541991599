using CivicGrid.Web.Calendar;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Demo;
using CivicGrid.Web.Events.Search;
using CivicGrid.Web.Indicators;
using CivicGrid.Web.Registry.Persons;
using CivicGrid.Web.Registry.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Infrastructure.Database;

public static class DatabaseInitializer
{
    /// <summary>Brings the schema up to date, plants the standard categories, care tags and holiday schedules and, on an empty database, the demo district.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivicGridDb>();
        if (options.MigrateOnStartup)
        {
            // An upgrade's migrations and backfills go over whole tables; the default 30 s is for requests.
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var pending = await db.Database.GetPendingMigrationsAsync();
            await db.Database.MigrateAsync();
            if (pending.Any(EventSearchBackfill.IsNeededAfter))
            {
                await EventSearchBackfill.RunAsync(db, CancellationToken.None);
            }

            await OutcomeBackfill.RunAsync(db, CancellationToken.None);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while one report is written; the setting
            // stays in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await ChinaHolidays.SeedAsync(db, CancellationToken.None);
        await StandardCategories.SeedAsync(db, CancellationToken.None);
        await StandardCareTags.SeedAsync(db, CancellationToken.None);
        await StandardReports.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), CancellationToken.None);
        if (options.SeedDemoData)
        {
            var planted = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
            if (planted && options.SeedDemoActivity)
            {
                await scope.ServiceProvider.GetRequiredService<DemoActivity>().SeedAsync(CancellationToken.None);
            }
        }
    }
}

using CivicGrid.Web.Indicators;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Web.Infrastructure.Database;

public static class DatabaseServices
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);

        // The provider decides the context type, so it is read while services are registered.
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<CivicGridDb, PostgresCivicGridDb>((provider, db) => db.UseNpgsql(WithPreparedStatements(options.ConnectionString)).AddInterceptors(Interceptors(provider)));
                break;
            default:
                EnsureSqliteFolder(options.ConnectionString);
                services.AddDbContextPool<CivicGridDb, SqliteCivicGridDb>((provider, db) => db.UseSqlite(options.ConnectionString).AddInterceptors(Interceptors(provider)));
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<CivicGridDb>("database");
        return services;
    }

    /// <summary>Whoever must hear of a save or a commit: the events' outcome rows, the reference caches, and the delivery worker.</summary>
    private static IInterceptor[] Interceptors(IServiceProvider provider) =>
    [
        provider.GetRequiredService<OutcomeInterceptor>(),
        provider.GetRequiredService<ReferenceSnapshotInvalidator>(),
        provider.GetRequiredService<ReferenceSnapshotCommitWatcher>(),
        provider.GetRequiredService<NotificationCommitWatcher>(),
        provider.GetRequiredService<NotificationCommitWatcher.Transactions>(),
    ];

    /// <summary>
    /// The same few statements run thousands of times a minute (report, to-do, transitions): let
    /// Npgsql prepare them on the server once, unless the connection string already says otherwise.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

using CivicGrid.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

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
                services.AddDbContext<CivicGridDb, PostgresCivicGridDb>((provider, db) => db.UseNpgsql(options.ConnectionString).AddInterceptors(provider.GetRequiredService<ReferenceSnapshotInvalidator>()));
                break;
            default:
                EnsureSqliteFolder(options.ConnectionString);
                services.AddDbContext<CivicGridDb, SqliteCivicGridDb>((provider, db) => db.UseSqlite(options.ConnectionString).AddInterceptors(provider.GetRequiredService<ReferenceSnapshotInvalidator>()));
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<CivicGridDb>("database");
        return services;
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

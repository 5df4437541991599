using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Database". With nothing configured the platform runs on an embedded SQLite file.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/civicgrid.db";

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Fill an empty database with the demo district and accounts.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// With a freshly planted demo district, a few residents' doings (a callback due, reception hours,
    /// suggestions) so the residents' side does not open empty. Tests start without them.
    /// </summary>
    public bool SeedDemoActivity { get; set; } = true;
}

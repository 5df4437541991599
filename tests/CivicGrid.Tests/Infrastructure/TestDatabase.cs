namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// Which real database the suite runs on: SQLite by default, PostgreSQL when
/// CIVICGRID_TEST_POSTGRES holds a connection string to a server (scripts/test.sh starts one).
/// Every factory gets a database of its own, so tests never see each other's data.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("CIVICGRID_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string Provider => PostgresServer is null ? "Sqlite" : "Postgres";

    public static string NewConnectionString(string folder) => PostgresServer is { } server
        ? $"{server};Database=cg_test_{Guid.NewGuid():N}"
        : $"Data Source={Path.Combine(folder, "civicgrid.db")}";
}

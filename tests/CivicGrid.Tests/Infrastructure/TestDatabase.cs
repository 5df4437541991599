using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>
/// Which real database the suite runs on: SQLite by default, PostgreSQL when
/// CIVICGRID_TEST_POSTGRES holds a connection string to a server (scripts/test.sh starts one).
/// Every factory gets a database of its own, so tests never see each other's data.
/// </summary>
/// <remarks>
/// Migrating and planting the demo district took most of a factory's start (the demo accounts'
/// password hashes alone over a second), and every factory planted the same rows. So the
/// application starts once per run and seed on a template database, which each factory copies
/// (SQLite: the file; PostgreSQL: CREATE DATABASE … TEMPLATE); its own start then finds the
/// database migrated and planted. See docs/decisions/0016-test-template-database.md.
/// </remarks>
public static class TestDatabase
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Templates = new();
    /// <summary>Template databases are named after the test process, so a later run can tell which are left over.</summary>
    private const string TemplatePrefix = "cg_template_";
    private static readonly Lazy<string> TemplateFolder = new(() => Directory.CreateTempSubdirectory("civicgrid-templates-").FullName);
    private static int _templateCount;

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveTemplates();

    public static string? PostgresServer => Environment.GetEnvironmentVariable("CIVICGRID_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static string Provider => PostgresServer is null ? "Sqlite" : "Postgres";

    /// <summary>
    /// A new database in <paramref name="folder"/> (SQLite) or on the server, copied from the template
    /// for <paramref name="seed"/>, which <paramref name="build"/> migrates and seeds (given its
    /// connection string) the first time a factory asks for that seed.
    /// </summary>
    public static string NewConnectionString(string folder, string seed, Action<string> build)
    {
        var template = Templates.GetOrAdd(seed, _ => new Lazy<string>(() => BuildTemplate(build))).Value;
        if (PostgresServer is { } server)
        {
            var name = $"cg_test_{Guid.NewGuid():N}";
            using var admin = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
            admin.Open();
            using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" TEMPLATE "{new NpgsqlConnectionStringBuilder(template).Database}" """, admin);
            create.ExecuteNonQuery();
            return $"{server};Database={name}";
        }

        var file = Path.Combine(folder, "civicgrid.db");
        File.Copy(new SqliteConnectionStringBuilder(template).DataSource, file);
        return $"Data Source={file}";
    }

    private static string BuildTemplate(Action<string> build)
    {
        var n = Interlocked.Increment(ref _templateCount);
        if (PostgresServer is not null && n == 1)
        {
            RemoveLeftoverTemplates();
        }

        var connectionString = PostgresServer is { } server
            ? $"{server};Database={TemplatePrefix}{Environment.ProcessId}_{n}"
            : $"Data Source={Path.Combine(TemplateFolder.Value, $"template-{n}.db")}";

        // Off the caller's thread and context: the caller is a host being built, and this starts another.
        using (ExecutionContext.SuppressFlow())
        {
            Task.Run(() => build(connectionString)).GetAwaiter().GetResult();
        }

        if (PostgresServer is not null)
        {
            // A database can be copied only while nobody is connected to it: close the template host's pooled connections.
            using var admin = new NpgsqlConnection($"{PostgresServer};Database=postgres;Pooling=false");
            admin.Open();
            using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            terminate.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(connectionString).Database!);
            terminate.ExecuteNonQuery();
        }
        else
        {
            // Closing the last connection checkpoints the write-ahead log into the file, which is then complete to copy.
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            if (File.Exists($"{new SqliteConnectionStringBuilder(connectionString).DataSource}-wal"))
            {
                throw new InvalidOperationException("The template database still has a write-ahead log; a copy of its file would miss rows.");
            }
        }

        return connectionString;
    }

    /// <summary>
    /// Templates of test processes that are gone: the test host may be stopped before it drops its
    /// own, and on a long-lived server they would pile up.
    /// </summary>
    private static void RemoveLeftoverTemplates()
    {
        using var admin = new NpgsqlConnection($"{PostgresServer};Database=postgres;Pooling=false");
        admin.Open();
        var leftover = new List<string>();
        using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{TemplatePrefix}%'", admin))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (int.TryParse(name[TemplatePrefix.Length..].Split('_')[0], CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
                {
                    leftover.Add(name);
                }
            }
        }

        foreach (var name in leftover)
        {
            using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", admin);
            drop.ExecuteNonQuery();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void RemoveTemplates()
    {
        if (PostgresServer is { } server)
        {
            try
            {
                using var admin = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
                admin.Open();
                foreach (var template in Templates.Values.Where(t => t.IsValueCreated))
                {
                    using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{new NpgsqlConnectionStringBuilder(template.Value).Database}" WITH (FORCE)""", admin);
                    drop.ExecuteNonQuery();
                }
            }
            catch (NpgsqlException)
            {
                // The server may be gone already (scripts/test.sh removes its cluster); nothing is left to drop then.
            }
        }

        if (TemplateFolder.IsValueCreated)
        {
            Directory.Delete(TemplateFolder.Value, recursive: true);
        }
    }
}

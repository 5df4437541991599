using System.Data.Common;
using System.Reflection;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Residents.Accounts;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicGrid.Bench;

/// <summary>
/// Writes planted rows straight into the tables, bypassing the change tracker: binary COPY on
/// PostgreSQL, one prepared INSERT per table on SQLite, a transaction per batch. Tables and
/// columns, and how each value is stored, come from the platform's EF model, so the rows are the
/// ones EF would have written.
/// </summary>
public sealed class YearWriter(CivicGridDb db)
{
    private sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping);

    private sealed record Table(string Name, List<Column> Columns)
    {
        public string Insert => $"INSERT INTO \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
        public string Copy => $"COPY \"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
    }

    private readonly Table _events = TableOf<Event>(db, withGeneratedKey: true);
    private readonly Table _timeline = TableOf<TimelineEntry>(db);
    private readonly Table _assignments = TableOf<EventAssignment>(db);
    private readonly Table _coReporters = TableOf<EventCoReporter>(db);
    private readonly Table _evaluations = TableOf<Evaluation>(db);
    private readonly Table _callbacks = TableOf<Callback>(db);
    private readonly Table _orders = TableOf<SupervisionOrder>(db);
    private readonly Table _notices = TableOf<OverdueNotice>(db);
    private readonly Table _residents = TableOf<Resident>(db, withGeneratedKey: true);

    private bool IsPostgres => db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);

    public Task WriteResidentsAsync(IReadOnlyList<Resident> residents) =>
        InTransactionAsync(async transaction => await WriteAsync(transaction, _residents, residents));

    public Task WriteAsync(IReadOnlyList<PlantedEvent> batch) => InTransactionAsync(async transaction =>
    {
        await WriteAsync(transaction, _events, batch.Select(p => p.Event).ToList());
        await WriteAsync(transaction, _timeline, batch.SelectMany(p => p.Event.Timeline).ToList());
        await WriteAsync(transaction, _assignments, batch.SelectMany(p => p.Event.Assignments).ToList());
        await WriteAsync(transaction, _coReporters, batch.SelectMany(p => p.Event.CoReporters).ToList());
        await WriteAsync(transaction, _evaluations, batch.SelectMany(p => p.Evaluations).ToList());
        await WriteAsync(transaction, _callbacks, batch.SelectMany(p => p.Callbacks).ToList());
        await WriteAsync(transaction, _orders, batch.SelectMany(p => p.Orders).ToList());
        await WriteAsync(transaction, _notices, batch.SelectMany(p => p.Notices).ToList());
    });

    private async Task InTransactionAsync(Func<DbTransaction, Task> write)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await write(transaction);
        await transaction.CommitAsync();
    }

    private async Task WriteAsync<T>(DbTransaction transaction, Table table, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (IsPostgres)
        {
            var connection = (NpgsqlConnection)transaction.Connection!;
            await using var import = await connection.BeginBinaryImportAsync(table.Copy);
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                foreach (var column in table.Columns)
                {
                    var value = column.Property.GetValue(row);
                    var stored = value is null ? null : column.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
                    if (stored is null)
                    {
                        await import.WriteNullAsync();
                    }
                    else
                    {
                        await import.WriteAsync(stored);
                    }
                }
            }

            await import.CompleteAsync();
            return;
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.Insert;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, $"@p{i}", column.Property.GetValue(row)));
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The entity's table and its mapped columns; a key the database generates is left to it unless asked for.</summary>
    private static Table TableOf<T>(CivicGridDb db, bool withGeneratedKey = false)
    {
        var type = db.GetService<IDesignTimeModel>().Model.FindEntityType(typeof(T))!;
        var name = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = type.GetProperties()
            .Where(p => withGeneratedKey || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new Column(
                p.GetColumnName(store)!,
                p.PropertyInfo ?? throw new InvalidOperationException($"{type.DisplayName()}.{p.Name} is a shadow property; the writer cannot read it."),
                (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        return new Table(name, columns);
    }
}

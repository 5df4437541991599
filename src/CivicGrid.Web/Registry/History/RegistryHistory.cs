using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.History;

/// <summary>Who changes the registry: a staff member, or an import under their name with its file as the source.</summary>
public sealed record ChangeAuthor(Guid? Id, string Name, string? Source = null)
{
    public static ChangeAuthor Of(Caller caller, string? source = null) => new(caller.UserId, caller.DisplayName, source);
}

/// <summary>
/// Collects the history rows of one change; every writer of the registry goes through here. Ids
/// are read when the rows are written, after the records themselves were saved and got theirs.
/// </summary>
public sealed class RegistryHistory(ChangeAuthor author, DateTime at)
{
    private readonly List<Func<RegistryChange>> _rows = [];

    public bool IsEmpty => _rows.Count == 0;

    /// <summary>How many rows so far: the ledger import tells a changed row from an unchanged one by it.</summary>
    public int Count => _rows.Count;

    public void Added(RegistryRecord record, Func<long> recordId, Func<long?> personId, int? buildingId) =>
        _rows.Add(() => Row(record, recordId(), personId(), buildingId, RegistryChangeKind.Added, null, null, null, false));

    public void Changed(RegistryRecord record, Func<long> recordId, Func<long?> personId, int? buildingId, string field, string? oldValue, string? newValue, bool sensitive = false) =>
        _rows.Add(() => Row(record, recordId(), personId(), buildingId, RegistryChangeKind.Changed, field, oldValue, newValue, sensitive));

    /// <summary>Adds the rows to the context; the caller saves them in the same transaction as the records.</summary>
    public void WriteTo(CivicGridDb db)
    {
        db.RegistryChanges.AddRange(_rows.Select(row => row()));
        _rows.Clear();
    }

    /// <summary>
    /// Saves the records and then their history, in one transaction. Two people registering the same
    /// new ID number at once meet the unique index; the second is told to try again.
    /// </summary>
    public async Task SaveAsync(CivicGridDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainException.Conflict("Registry.ChangedMeanwhile");
        }

        WriteTo(db);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private RegistryChange Row(RegistryRecord record, long recordId, long? personId, int? buildingId, RegistryChangeKind kind, string? field, string? oldValue, string? newValue, bool sensitive) => new()
    {
        Record = record,
        RecordId = recordId,
        PersonId = personId,
        BuildingId = buildingId,
        Kind = kind,
        Field = field,
        OldValue = oldValue,
        NewValue = newValue,
        IsSensitive = sensitive,
        ById = author.Id,
        ByName = author.Name,
        Source = author.Source,
        At = at,
    };
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Web.Infrastructure.Caching;

/// <summary>
/// Drops every snapshot whose tables a save changes, whoever saved them (administration pages,
/// imports, demo data), so no feature has to remember to invalidate by hand.
/// </summary>
/// <remarks>
/// It drops them before the save, so nobody keeps the old rows once they are replaced, and again
/// after it, because a load racing the commit may still have read them. Inside an explicit
/// transaction "after" is the commit, which <see cref="ReferenceSnapshotCommitWatcher"/> reports.
/// </remarks>
public sealed class ReferenceSnapshotInvalidator(IEnumerable<IReferenceSnapshot> snapshots) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IReferenceSnapshot[]> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var touched = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        var affected = snapshots.Where(s => s.Sources.Any(touched.Contains)).ToArray();
        if (affected.Length == 0)
        {
            return;
        }

        _saving.AddOrUpdate(context, _saving.TryGetValue(context, out var earlier) ? [.. earlier.Union(affected)] : affected);
        foreach (var snapshot in affected)
        {
            snapshot.Invalidate();
        }
    }

    /// <summary>The transaction the saves ran in has committed (or rolled back): drop what they touched once more.</summary>
    internal void TransactionEnded(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var affected))
        {
            _saving.Remove(context);
            foreach (var snapshot in affected)
            {
                snapshot.Invalidate();
            }
        }
    }

    private void After(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is not null)
        {
            return;
        }

        if (context is not null && _saving.TryGetValue(context, out var affected))
        {
            _saving.Remove(context);
            foreach (var snapshot in affected)
            {
                snapshot.Invalidate();
            }
        }
    }
}

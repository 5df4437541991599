using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// Wakes the delivery worker once a save that added notifications is visible to it: after the save
/// itself, or inside an explicit transaction after its commit (a rollback wakes nobody).
/// </summary>
public sealed class NotificationCommitWatcher(DeliverySignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Before(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added))
        {
            _pending.AddOrUpdate(context, true);
        }
    }

    private void After(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            signal.Wake();
        }
    }

    /// <summary>A failed save outside a transaction added nothing; inside one, the rollback decides.</summary>
    private void Failed(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }

    internal void TransactionEnded(DbContext? context, bool committed)
    {
        if (context is not null && _pending.Remove(context) && committed)
        {
            signal.Wake();
        }
    }

    /// <summary>Reports the end of explicit transactions to the watcher.</summary>
    public sealed class Transactions(NotificationCommitWatcher watcher) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            watcher.TransactionEnded(eventData.Context, committed: true);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            watcher.TransactionEnded(eventData.Context, committed: true);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
            watcher.TransactionEnded(eventData.Context, committed: false);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            watcher.TransactionEnded(eventData.Context, committed: false);
            return Task.CompletedTask;
        }
    }
}

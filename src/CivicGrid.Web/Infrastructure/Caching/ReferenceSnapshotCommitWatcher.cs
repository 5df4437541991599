using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Web.Infrastructure.Caching;

/// <summary>Tells <see cref="ReferenceSnapshotInvalidator"/> when an explicit transaction ends, which is when its saves become visible.</summary>
public sealed class ReferenceSnapshotCommitWatcher(ReferenceSnapshotInvalidator invalidator) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        invalidator.TransactionEnded(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        invalidator.TransactionEnded(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        invalidator.TransactionEnded(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        invalidator.TransactionEnded(eventData.Context);
        return Task.CompletedTask;
    }
}

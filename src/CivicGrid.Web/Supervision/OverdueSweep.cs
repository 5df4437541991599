using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Supervision;

/// <summary>
/// The durable timer of deadlines (docs/decisions/0011-durable-timers.md): finds open events whose
/// step deadline passed unnoticed and supervision orders whose deadline passed unanswered, and
/// records each exactly once, however many instances sweep at the same time. Each record is claimed
/// by a conditional update and written in the same transaction as the claim: a crash before the
/// commit undoes the claim, and a claim already committed is never made again. The same holds for
/// the warning point (80% of a step's time), whose passing reminds the holder.
/// </summary>
public sealed class OverdueSweep(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    EventNotices notices,
    IOptions<SupervisionOptions> options,
    TimeProvider clock,
    ILogger<OverdueSweep> log)
{
    /// <summary>Open events whose current deadline is not yet noticed: the filter of the sweep's partial index, which its query repeats word for word.</summary>
    public const string UnnoticedFilter = "\"StepDeadline\" IS NOT NULL AND (\"OverdueNoticedFor\" IS NULL OR \"OverdueNoticedFor\" <> \"StepDeadline\")";

    /// <summary>Open events whose current warning point is not yet noticed: the filter of the warning index.</summary>
    public const string UnwarnedFilter = "\"StepWarnAt\" IS NOT NULL AND (\"WarnNoticedFor\" IS NULL OR \"WarnNoticedFor\" <> \"StepWarnAt\")";

    // Plain SQL so that both databases see the index's own filter and use it; the rest are parameters.
    internal const string OverdueEventsSql =
        "SELECT \"Id\" AS \"Value\" FROM \"Events\" WHERE " + UnnoticedFilter + " AND \"StepDeadline\" < {0} ORDER BY \"StepDeadline\" LIMIT {1}";

    internal const string WarnedEventsSql =
        "SELECT \"Id\" AS \"Value\" FROM \"Events\" WHERE " + UnwarnedFilter + " AND \"StepWarnAt\" < {0} ORDER BY \"StepWarnAt\" LIMIT {1}";

    public sealed record Result(int Events, int Orders, int Warnings = 0);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        var warnings = await DrainAsync(() => db.Database.SqlQueryRaw<long>(WarnedEventsSql, now, batch).ToListAsync(ct), id => NoticeWarningAsync(id, now, ct), batch);
        var events = await DrainAsync(() => db.Database.SqlQueryRaw<long>(OverdueEventsSql, now, batch).ToListAsync(ct), id => NoticeEventAsync(id, now, ct), batch);
        var orders = await DrainAsync(
            () => db.SupervisionOrders.Where(o => o.RepliedAt == null && o.UnansweredNoticedAt == null && o.Deadline < now)
                .OrderBy(o => o.Deadline).Select(o => o.Id).Take(batch).ToListAsync(ct),
            id => NoticeOrderAsync(id, now, ct),
            batch);
        return new Result(events, orders, warnings);
    }

    /// <summary>Takes batches until one claims nothing new: what another instance claimed drops out of the next batch by itself.</summary>
    private async Task<int> DrainAsync(Func<Task<List<long>>> next, Func<long, Task<bool>> notice, int batch)
    {
        var total = 0;
        while (true)
        {
            var ids = await next();
            var claimed = 0;
            foreach (var id in ids)
            {
                claimed += await OneAsync(id, notice) ? 1 : 0;
            }

            total += claimed;
            if (ids.Count < batch || claimed == 0)
            {
                return total;
            }
        }
    }

    /// <summary>A failure on one record undoes that record only; the next sweep tries it again.</summary>
    private async Task<bool> OneAsync(long id, Func<long, Task<bool>> notice)
    {
        try
        {
            return await notice(id);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            log.LogError(failure, "The overdue sweep could not record {Id}; it will try again", id);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> NoticeEventAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: whoever moves the noticed deadline onto the current one first has it; a second
        // sweeper's update waits for the first to commit and then matches nothing.
        var claimed = await db.Events
            .Where(e => e.Id == id && e.StepDeadline < now && (e.OverdueNoticedFor == null || e.OverdueNoticedFor != e.StepDeadline))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.OverdueNoticedFor, e => e.StepDeadline), ct);
        if (claimed == 0)
        {
            return false;
        }

        var e = await db.Events.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { x.Status, x.StepDeadline, x.HolderUnitId, x.DispatchingCentreId })
            .SingleAsync(ct);
        var tree = await organisation.GetAsync(ct);
        if (tree.Find(e.HolderUnitId) is { } holder)
        {
            var supervisor = Supervisors.Of(holder, e.DispatchingCentreId, tree);
            db.TimelineEntries.Add(SupervisionTimeline.BySystem(id, EventAction.Overdue, e.Status, holder, supervisor, now));
            if (supervisor is not null)
            {
                db.OverdueNotices.Add(new OverdueNotice { EventId = id, Deadline = e.StepDeadline!.Value, HolderUnitId = holder.Id, SupervisorUnitId = supervisor.Id, NoticedAt = now });
            }

            await notices.AfterOverdueAsync(id, holder.Id, supervisor?.Id, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Claims a passed warning point and reminds the holder. A step already overdue when the sweep
    /// first sees it is claimed without a reminder: the overdue notice says more.
    /// </summary>
    private async Task<bool> NoticeWarningAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Events
            .Where(e => e.Id == id && e.StepWarnAt < now && (e.WarnNoticedFor == null || e.WarnNoticedFor != e.StepWarnAt))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.WarnNoticedFor, e => e.StepWarnAt), ct);
        if (claimed == 0)
        {
            return false;
        }

        var e = await db.Events.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.StepDeadline, x.HolderUnitId }).SingleAsync(ct);
        if (e.HolderUnitId is { } holder && e.StepDeadline > now)
        {
            await notices.AfterDeadlineNearAsync(id, holder, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<bool> NoticeOrderAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.SupervisionOrders
            .Where(o => o.Id == id && o.RepliedAt == null && o.UnansweredNoticedAt == null && o.Deadline < now)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.UnansweredNoticedAt, now).SetProperty(o => o.Outcome, SupervisionOutcome.Unanswered), ct);
        if (claimed == 0)
        {
            return false;
        }

        var order = await db.SupervisionOrders.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        var e = await db.Events.AsNoTracking().Where(x => x.Id == order.EventId).Select(x => new { x.Status, x.HolderUnitId }).SingleAsync(ct);
        var tree = await organisation.GetAsync(ct);
        var addressee = tree.Find(order.AddresseeUnitId)!;
        db.TimelineEntries.Add(SupervisionTimeline.BySystem(order.EventId, EventAction.SupervisionUnanswered, e.Status, tree.Find(e.HolderUnitId) ?? addressee, tree.Find(order.IssuerUnitId), now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}

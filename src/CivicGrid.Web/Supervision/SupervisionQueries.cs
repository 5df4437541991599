using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Supervision;

/// <summary>What the event page, the to-do list, the centre's overdue list and the leader's overview show.</summary>
public sealed class SupervisionQueries(CivicGridDb db, TimeProvider clock)
{
    /// <summary>The to-do list shows at most this many orders and notices above the events; they are few.</summary>
    public const int TodoLimit = 50;

    /// <summary>The orders of an event the caller can see, and whether they may issue another.</summary>
    public async Task<SupervisionPanel> ForEventAsync(long eventId, Caller caller, CancellationToken ct)
    {
        var e = await db.Events.VisibleTo(caller).Where(x => x.Id == eventId)
            .Select(x => new { x.Status, x.PlacePath, x.HolderUnitId })
            .SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound();
        var orders = await ViewsAsync(Orders().Where(o => o.Order.EventId == eventId).OrderBy(o => o.Order.IssuedAt).ThenBy(o => o.Order.Id), caller, ct);
        var mayIssue = SupervisionOrders.MayIssueOn(e.PlacePath, caller) && Events.Workflow.EventWorkflow.IsOpen(e.Status) && e.HolderUnitId is { } holder && holder != caller.UnitId;
        return new SupervisionPanel(eventId, mayIssue, orders);
    }

    /// <summary>Orders waiting for my unit's answer: those on events my unit holds, the nearest deadline first.</summary>
    public Task<List<SupervisionOrderView>> AwaitingMyReplyAsync(Caller caller, CancellationToken ct)
    {
        var unit = caller.UnitId;
        return ViewsAsync(
            Orders().Where(o => o.Order.RepliedAt == null && o.Order.ConcludedAt == null && o.HolderUnitId == unit).OrderBy(o => o.Order.Deadline).ThenBy(o => o.Order.Id).Take(TodoLimit),
            caller,
            ct);
    }

    /// <summary>The leader's overview: orders I issued, the newest first, with their state.</summary>
    public async Task<Page<SupervisionOrderView>> IssuedByMeAsync(PageRequest page, Caller caller, CancellationToken ct)
    {
        var me = caller.UserId;
        var mine = Orders().Where(o => o.Order.IssuerId == me);
        var items = await ViewsAsync(mine.OrderByDescending(o => o.Order.IssuedAt).ThenByDescending(o => o.Order.Id).Skip(page.Offset).Take(page.Size), caller, ct);
        return new Page<SupervisionOrderView>(items, page.Number, page.Size, await mine.CountAsync(ct));
    }

    /// <summary>The supervisor's to-do items: events of units it looks after still waiting on the deadline that passed.</summary>
    public Task<List<OverdueNoticeView>> NoticesAsync(Caller caller, CancellationToken ct)
    {
        var unit = caller.UnitId;
        return (from n in db.OverdueNotices
                join e in db.Events on n.EventId equals e.Id
                where n.SupervisorUnitId == unit && e.StepDeadline == n.Deadline
                orderby n.Deadline, n.Id
                select new OverdueNoticeView(e.Id, e.Number, e.Title, e.HolderUnit!.Name, n.Deadline, n.NoticedAt))
            .Take(TodoLimit).ToListAsync(ct);
    }

    /// <summary>The centre's overdue list: open events of its place past their step deadline now, the longest overdue first.</summary>
    public Task<Page<OverdueEventView>> OverdueAsync(PageRequest page, Caller caller, CancellationToken ct)
    {
        var scope = caller.PlaceScopePath ?? throw DomainException.Forbidden("Supervision.NotYourPlace");
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Events.Where(e => e.PlacePath.StartsWith(scope) && e.StepDeadline < now)
            .OrderBy(e => e.StepDeadline).ThenBy(e => e.Id)
            .Select(e => new OverdueEventView(
                e.Id, e.Number, e.Title, e.Urgency, e.Status,
                e.Community != null ? e.Community.Name : null, e.Grid != null ? e.Grid.Name : null, e.HolderUnit != null ? e.HolderUnit.Name : null,
                e.StepDeadline!.Value,
                db.SupervisionOrders.Any(o => o.EventId == e.Id && o.ConcludedAt == null)))
            .ToPageAsync(page, ct);
    }

    public static DeadlineState ColourOf(SupervisionOrder order, DateTime now) =>
        order.State != SupervisionState.Open ? DeadlineState.Normal
        : now > order.Deadline ? DeadlineState.Overdue
        : now >= order.IssuedAt + ((order.Deadline - order.IssuedAt) * 0.8) ? DeadlineState.Warning
        : DeadlineState.Normal;

    /// <summary>Initialised by members, not a constructor, so that queries can still filter and sort on it.</summary>
    private sealed class OrderRow
    {
        public required SupervisionOrder Order { get; init; }
        public required string Number { get; init; }
        public required string Title { get; init; }
        public int? HolderUnitId { get; init; }
    }

    private IQueryable<OrderRow> Orders() =>
        from o in db.SupervisionOrders.AsNoTracking()
        join e in db.Events on o.EventId equals e.Id
        select new OrderRow { Order = o, Number = e.Number, Title = e.Title, HolderUnitId = e.HolderUnitId };

    private async Task<List<SupervisionOrderView>> ViewsAsync(IQueryable<OrderRow> rows, Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await rows.ToListAsync(ct)).Select(r => new SupervisionOrderView(
            r.Order.Id, r.Order.EventId, r.Number, r.Title, r.Order.Note, r.Order.Deadline, r.Order.IssuedAt, r.Order.IssuerName, r.Order.IssuerUnitName, r.Order.AddresseeUnitName,
            r.Order.Reply, r.Order.RepliedAt, r.Order.ReplierName, r.Order.ReplierUnitName, r.Order.State, r.Order.Outcome, r.Order.Assessment, r.Order.ConcludedAt, r.Order.ConcluderName,
            ColourOf(r.Order, now),
            r.Order.State == SupervisionState.Open && r.HolderUnitId == caller.UnitId,
            r.Order.State != SupervisionState.Concluded && r.Order.Outcome != SupervisionOutcome.Pending && SupervisionOrders.MayConclude(r.Order, caller))).ToList();
    }
}

/// <summary>The supervision part of an event's page.</summary>
public sealed record SupervisionPanel(long EventId, bool MayIssue, IReadOnlyList<SupervisionOrderView> Orders);

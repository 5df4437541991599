using System.Linq.Expressions;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events.Search;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Events;

public sealed record EventFilter(string? Q = null, EventStatus? Status = null, int? CategoryId = null, bool? Overdue = null, int? BuildingId = null);

/// <summary>Reads of events: search, detail, to-do and done. Every one goes through <see cref="EventScope"/>.</summary>
public sealed class EventQueries(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    DispatchRules rules,
    TimeProvider clock)
{
    /// <summary>
    /// A search counts its matches up to this many and then says "more than": counting every
    /// one of a year's events in a street costs more than the list itself, and nobody pages that far.
    /// </summary>
    public const int CountedUpTo = 1000;

    public async Task<Page<EventSummary>> SearchAsync(EventFilter filter, PageRequest page, Caller caller, CancellationToken ct)
    {
        var now = Now;
        var q = filter.Q?.Trim().ToLowerInvariant();
        var root = string.IsNullOrEmpty(q) ? db.Events : await EventTextSearch.CandidatesAsync(db, q, ct);
        var events = Filtered(root, filter, q, caller, now);
        if (!string.IsNullOrEmpty(q))
        {
            // Most text searches find a few events, perhaps old ones: fetch them by id rather
            // than let the database walk the whole year newest-first looking for them.
            var found = await events.Select(e => e.Id).Take(CountedUpTo + 1).ToListAsync(ct);
            if (found.Count <= CountedUpTo)
            {
                var ids = found.ToArray();
                var items = await Newest(db.Events.Where(e => EF.Parameter(ids).Contains(e.Id)), now).ToItemsAsync(page, ct);
                return new Page<EventSummary>(items, page.Number, page.Size, found.Count);
            }
        }

        var reach = Math.Max(CountedUpTo, page.Offset + page.Size);
        var counted = !string.IsNullOrEmpty(q) && reach == CountedUpTo
            ? CountedUpTo + 1 // the probe above already found more than it counts
            : await events.Take(reach + 1).CountAsync(ct);
        return new Page<EventSummary>(await Newest(events, now).ToItemsAsync(page, ct), page.Number, page.Size, Math.Min(counted, reach), TotalIsLowerBound: counted > reach);
    }

    /// <summary>What waits on me or my unit, the nearest deadline first.</summary>
    /// <remarks>
    /// A held event is open and every open step has a deadline, so the order needs no rule for
    /// missing ones, and the (holder, deadline, urgency, id) index hands over the first page
    /// without reading the thousands of events a busy unit holds.
    /// </remarks>
    /// <param name="unplacedOnly">Only events standing outside every grid: the district centre's unplaced queue.</param>
    public Task<Page<EventSummary>> TodoAsync(PageRequest page, Caller caller, CancellationToken ct, bool unplacedOnly = false) =>
        Todo(caller).Where(e => !unplacedOnly || e.CommunityId == null).OrderBy(e => e.StepDeadline).ThenByDescending(e => e.Urgency).ThenBy(e => e.Id)
            .Select(Summary(Now)).ToPageAsync(page, ct);

    /// <summary>Events I have acted on, the latest first.</summary>
    public Task<Page<EventSummary>> DoneAsync(PageRequest page, Caller caller, CancellationToken ct)
    {
        var me = caller.UserId;
        return Done(caller).OrderByDescending(e => e.Timeline.Where(t => t.ActorId == me).Max(t => t.At)).ThenByDescending(e => e.Id)
            .Select(Summary(Now)).ToPageAsync(page, ct);
    }

    /// <summary>The one number the navigation shows on every page.</summary>
    public Task<int> TodoCountAsync(Caller caller, CancellationToken ct) => Todo(caller).CountAsync(ct);

    public async Task<WorkCounts> CountsAsync(Caller caller, CancellationToken ct)
    {
        var now = Now;
        return new WorkCounts(
            await Todo(caller).CountAsync(ct),
            await Todo(caller).CountAsync(e => e.StepDeadline < now, ct),
            await Done(caller).CountAsync(ct),
            await Todo(caller).CountAsync(e => e.StepWarnAt <= now && e.StepDeadline >= now, ct));
    }

    public Task<bool> IsVisibleAsync(long id, Caller caller, CancellationToken ct) =>
        db.Events.VisibleTo(caller).AnyAsync(e => e.Id == id, ct);

    /// <summary>Which of these events the caller can see.</summary>
    public async Task<IReadOnlySet<long>> VisibleAmongAsync(IReadOnlyCollection<long> ids, Caller caller, CancellationToken ct) =>
        ids.Count == 0 ? new HashSet<long>() : (await db.Events.VisibleTo(caller).Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();

    public async Task<EventDetail> DetailAsync(long id, Caller caller, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().VisibleTo(caller)
            .Include(x => x.Assignments)
            .Include(x => x.CoReporters)
            .Include(x => x.Timeline).ThenInclude(t => t.Attachments)
            .Include(x => x.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();

        return await DetailOfAsync(e, caller, ct);
    }

    /// <summary>
    /// The detail of an event already in memory with its assignments, timeline and attachments:
    /// a freshly reported event answers without being read back. Names of units and the
    /// category come from the reference snapshots.
    /// </summary>
    public async Task<EventDetail> DetailOfAsync(Event e, Caller caller, CancellationToken ct)
    {
        var units = await organisation.GetAsync(ct);
        var category = (await catalogue.GetAsync(ct)).Find(e.CategoryId)!;
        var now = Now;
        var available = EventWorkflow.Available(EventFacts.Of(e, units), caller).Select(t => t.Action).ToList();
        return new EventDetail(
            e.Id, e.Number, e.Title, e.Description, e.CategoryId, category.Name, category.PlainName, e.Urgency, e.Source, e.Status,
            e.Latitude, e.Longitude, e.Address, e.StreetId, e.CommunityId, units.NameOf(e.CommunityId), e.GridId, units.NameOf(e.GridId),
            e.ReporterName, e.HolderUnitId, units.NameOf(e.HolderUnitId), e.DispatchingCentreId, e.ReportedAt, e.StepDeadline, e.IsOverdue(now), e.DeadlineStateAt(now), e.StepWarnAt, category.WorkingTime,
            e.ClosedAt, e.ReworkCount, e.Satisfaction, e.EvaluationComment, e.Version,
            e.Assignments.OrderBy(a => a.AssignedAt).ThenBy(a => a.Role).Select(a => new AssignmentView(a.DepartmentId, units.NameOf(a.DepartmentId)!, a.Role, a.Status, a.AssignedAt, a.CheckedInAt, a.FinishedAt, a.Note)).ToList(),
            e.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.Id, t.Action, t.FromStatus, t.ToStatus, t.ActorId == Guid.Empty, t.ActorName, t.ActorUnitName, t.TargetUnitName, t.AssistUnitNames, t.Note, t.At, t.Attachments.Select(a => a.Id).ToList(), t.DispatchRuleId, t.IsPublic)).ToList(),
            e.Attachments.OrderBy(a => a.UploadedAt).Select(a => new AttachmentView(a.Id, a.Stage, a.FileName, a.ContentType, a.Length, a.GpsLatitude, a.GpsLongitude, a.UploadedAt)).ToList(),
            available,
            e.MergedIntoId,
            e.CoReporters.OrderBy(r => r.JoinedAt).Select(r => r.Name).ToList(),
            await rules.SuggestionAsync(e, available, caller, ct));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<Event> Filtered(IQueryable<Event> root, EventFilter filter, string? q, Caller caller, DateTime now)
    {
        var events = root.VisibleTo(caller);
        if (filter.Status is { } status)
        {
            events = events.Where(e => e.Status == status);
        }

        if (filter.CategoryId is { } categoryId)
        {
            events = events.Where(e => e.CategoryId == categoryId);
        }

        if (filter.BuildingId is { } buildingId)
        {
            events = events.Where(e => e.BuildingId == buildingId);
        }

        if (filter.Overdue is { } overdue)
        {
            events = overdue ? events.Where(e => e.StepDeadline < now) : events.Where(e => e.StepDeadline == null || e.StepDeadline >= now);
        }

        // The index finds every term; the exact phrase, in one field, is checked here.
        return string.IsNullOrEmpty(q) ? events
            : events.Where(e => e.Number.ToLower().Contains(q) || e.Title.ToLower().Contains(q) || e.Address.ToLower().Contains(q) || e.Description.ToLower().Contains(q));
    }

    private static IQueryable<EventSummary> Newest(IQueryable<Event> events, DateTime now) =>
        events.OrderByDescending(e => e.ReportedAt).ThenByDescending(e => e.Id).Select(Summary(now));

    // Holding an event implies seeing it (escalation only moves up, dispatch adds an assignment),
    // so the to-do list needs no scope filter on top.
    private IQueryable<Event> Todo(Caller caller)
    {
        var unit = caller.UnitId;
        var holds = EventWorkflow.Transitions.Any(t => t.Roles.Contains(caller.Role) && t.Parties.HasFlag(Party.Holder));
        var assists = caller.Role == StaffRole.DepartmentHandler;
        return db.Events.Where(e =>
            (holds && e.HolderUnitId == unit) ||
            (assists && e.Assignments.Any(a => a.DepartmentId == unit && a.Role == AssignmentRole.Assist && a.Status == AssignmentStatus.Pending)));
    }

    /// <remarks>"Id IN (what I acted on)", like joined events in <see cref="EventScope"/>: SQLite then starts from my timeline entries instead of testing every event I can see.</remarks>
    private IQueryable<Event> Done(Caller caller)
    {
        var me = caller.UserId;
        var acted = db.TimelineEntries.Where(t => t.ActorId == me).Select(t => t.EventId);
        return db.Events.VisibleTo(caller).Where(e => acted.Contains(e.Id));
    }

    private static Expression<Func<Event, EventSummary>> Summary(DateTime now) => e => new EventSummary(
        e.Id, e.Number, e.Title, e.CategoryId, e.Category!.Name, e.Category.PlainName, e.Urgency, e.Status, e.Address,
        e.Community != null ? e.Community.Name : null, e.Grid != null ? e.Grid.Name : null, e.HolderUnit != null ? e.HolderUnit.Name : null,
        e.ReportedAt, e.StepDeadline, e.StepDeadline != null && e.StepDeadline < now,
        e.StepDeadline != null && e.StepDeadline < now ? DeadlineState.Overdue
            : e.StepWarnAt != null && e.StepWarnAt <= now ? DeadlineState.Warning
            : DeadlineState.Normal,
        e.StepWarnAt);
}

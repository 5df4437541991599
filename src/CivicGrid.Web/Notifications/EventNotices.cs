using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Notifications;

/// <summary>
/// Who hears of what happens to an event, and as what. The tables below are the whole answer;
/// the workflow calls <see cref="AfterReportAsync"/> and <see cref="AfterTransitionAsync"/>
/// before it saves, so the notices commit with the change.
/// </summary>
public sealed class EventNotices(CivicGridDb db, NotificationOutbox outbox)
{
    /// <summary>What the unit the event now waits on is told, by the action that moved it there.</summary>
    public static NotificationKind? ForHolder(EventAction action) => action switch
    {
        EventAction.Dispatch or EventAction.Summon or EventAction.Reassign or EventAction.Relocate => NotificationKind.NewTodo,
        EventAction.Escalate => NotificationKind.Escalated,
        EventAction.Return => NotificationKind.Returned,
        EventAction.Feedback => NotificationKind.VerificationRequested,
        EventAction.Rework => NotificationKind.Rework,
        _ => null,
    };

    /// <summary>The milestones a reporter hears of: their report was taken on, sent to someone, finished, or folded away.</summary>
    public static bool TellsReporter(EventAction action) => action is
        EventAction.Register or EventAction.Dispatch or EventAction.Summon or EventAction.Verify or EventAction.Close or EventAction.Void or EventAction.Merge;

    /// <summary>A new report waits on its grid, community or centre. A matter solved on the spot waits on nobody.</summary>
    public async Task AfterReportAsync(Event e, Guid reporterId, string reporterName, CancellationToken ct)
    {
        if (e.HolderUnitId is { } holder)
        {
            await outbox.ToUnitAsync(NotificationKind.NewTodo, holder, NotificationSubject.Of(e, reporterName), reporterId, ct);
        }
    }

    /// <param name="previousHolder">The unit the event waited on before the action.</param>
    /// <param name="actorId">Who acted; <see cref="Guid.Empty"/> for the platform's own dispatch.</param>
    public async Task AfterTransitionAsync(Event e, EventAction action, int? previousHolder, Guid actorId, string actorName, string? note, CancellationToken ct)
    {
        var subject = NotificationSubject.Of(e, actorName, note);
        if (ForHolder(action) is { } kind && e.HolderUnitId is { } holder && (holder != previousHolder || action is EventAction.Feedback or EventAction.Rework))
        {
            await outbox.ToUnitAsync(kind, holder, subject, actorId, ct);
        }

        if (action is EventAction.Dispatch or EventAction.Summon)
        {
            // Assisting departments summoned now have the event on their lists too.
            foreach (var assist in e.Assignments.Where(a => a.Role == AssignmentRole.Assist && a.Status == AssignmentStatus.Pending && a.Id == 0))
            {
                await outbox.ToUnitAsync(NotificationKind.NewTodo, assist.DepartmentId, subject, actorId, ct);
            }
        }

        if (TellsReporter(action) && e.ReporterId != actorId)
        {
            await outbox.ToUserAsync(NotificationKind.ReportUpdated, e.ReporterId, subject, ct);
            // A resident who signed in to report hears too; an anonymous number was left for a callback, not for messages.
            if (e.ResidentId is { } resident)
            {
                await outbox.ToResidentAsync(resident, subject, ct);
            }
        }
    }

    /// <summary>A supervision order lands on the holding unit's desk, with the order's own deadline.</summary>
    public async Task AfterSupervisionIssuedAsync(SupervisionOrder order, Caller caller, CancellationToken ct) =>
        await outbox.ToUnitAsync(NotificationKind.SupervisionOrder, order.AddresseeUnitId,
            new NotificationSubject(await EventAsync(order.EventId, ct), order.Deadline, caller.DisplayName, order.Note, order), caller.UserId, ct);

    /// <summary>Whoever issued the order hears the answer.</summary>
    public async Task AfterSupervisionReplyAsync(SupervisionOrder order, Caller caller, CancellationToken ct) =>
        await outbox.ToUserAsync(NotificationKind.SupervisionReplied, order.IssuerId,
            new NotificationSubject(await EventAsync(order.EventId, ct), order.Deadline, caller.DisplayName, order.Reply, order), ct);

    /// <summary>The sweep found a passed step deadline: the holder and whoever supervises it hear of it.</summary>
    public async Task AfterOverdueAsync(long eventId, int holderUnitId, int? supervisorUnitId, CancellationToken ct)
    {
        var subject = NotificationSubject.Of(await EventAsync(eventId, ct));
        await outbox.ToUnitAsync(NotificationKind.Overdue, holderUnitId, subject, null, ct);
        if (supervisorUnitId is { } supervisor)
        {
            await outbox.ToUnitAsync(NotificationKind.Overdue, supervisor, subject, null, ct);
        }
    }

    /// <summary>The sweep found 80% of a step's time used: the holder is reminded while there is still time.</summary>
    public async Task AfterDeadlineNearAsync(long eventId, int holderUnitId, CancellationToken ct) =>
        await outbox.ToUnitAsync(NotificationKind.DeadlineNear, holderUnitId, NotificationSubject.Of(await EventAsync(eventId, ct)), null, ct);

    private Task<Event> EventAsync(long id, CancellationToken ct) => db.Events.AsNoTracking().SingleAsync(e => e.Id == id, ct);
}

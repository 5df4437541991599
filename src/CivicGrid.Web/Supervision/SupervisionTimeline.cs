using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Supervision;

/// <summary>
/// Timeline entries of supervision. They record what happened beside the event's steps, so the
/// status stays as it is and the event's version is not bumped: nobody's open form goes stale.
/// </summary>
public static class SupervisionTimeline
{
    /// <summary>An entry the platform writes by itself (<see cref="TimelineEntry.ActorId"/> empty), on behalf of the unit concerned.</summary>
    public static TimelineEntry BySystem(long eventId, EventAction action, EventStatus status, UnitInfo unit, UnitInfo? target, DateTime now) => new()
    {
        EventId = eventId,
        Action = action,
        FromStatus = status,
        ToStatus = status,
        ActorId = Guid.Empty,
        ActorName = TimelineEntry.SystemActorName,
        ActorUnitId = unit.Id,
        ActorUnitName = unit.Name,
        TargetUnitId = target?.Id,
        TargetUnitName = target?.Name,
        At = now,
    };

    /// <summary>How the timeline names an entry's target unit: the unit told, the unit pressed, or where the event went.</summary>
    public static string TargetLabelKey(EventAction action) => action switch
    {
        EventAction.Overdue or EventAction.SupervisionUnanswered => "Supervision.Told",
        EventAction.Supervise => "Supervision.To",
        _ => "Page.Detail.To",
    };

    public static TimelineEntry ByCaller(long eventId, EventAction action, EventStatus status, Caller caller, int? targetUnitId, string? targetUnitName, string note, DateTime now) => new()
    {
        EventId = eventId,
        Action = action,
        FromStatus = status,
        ToStatus = status,
        ActorId = caller.UserId,
        ActorName = caller.DisplayName,
        ActorUnitId = caller.UnitId,
        ActorUnitName = caller.UnitName,
        TargetUnitId = targetUnitId,
        TargetUnitName = targetUnitName,
        Note = note,
        At = now,
    };
}

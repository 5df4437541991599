using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Events;

/// <summary>One step of the 流程轨迹: who did what, when, and why. Never edited after it is written.</summary>
public class TimelineEntry
{
    /// <summary>Stored as the actor's name of entries the platform writes by itself (<see cref="ActorId"/> empty); pages show <c>Timeline.SystemActor</c> in the reader's language.</summary>
    public const string SystemActorName = "系统";

    public long Id { get; set; }
    public long EventId { get; set; }
    public EventAction Action { get; set; }
    public EventStatus? FromStatus { get; set; }
    public EventStatus ToStatus { get; set; }
    public Guid ActorId { get; set; }
    public required string ActorName { get; set; }
    public int ActorUnitId { get; set; }
    public required string ActorUnitName { get; set; }
    /// <summary>The unit the action sent the event to (escalation, dispatch, reassignment), if any.</summary>
    public int? TargetUnitId { get; set; }
    public string? TargetUnitName { get; set; }
    /// <summary>Assisting departments named by a dispatch, as they were called then.</summary>
    public string? AssistUnitNames { get; set; }
    public string? Note { get; set; }
    /// <summary>Staff chose to let the reporting resident read <see cref="Note"/> (向群众公开); never the actor's name.</summary>
    public bool IsPublic { get; set; }
    /// <summary>The dispatch rule that dispatched the event by itself; the note says the rule in words as it was then.</summary>
    public int? DispatchRuleId { get; set; }
    public DateTime At { get; set; }
    public List<Attachments.Attachment> Attachments { get; set; } = [];

    /// <summary>
    /// An entry whose actor is a resident (a report, a rating, joining the same problem): residents
    /// stand outside the hierarchy, so no unit, and the name staff may see, never the full number.
    /// </summary>
    public static TimelineEntry ByResident(EventAction action, EventStatus? from, EventStatus to, Guid residentId, string name, DateTime at, string? note = null, UnitInfo? target = null) => new()
    {
        Action = action,
        FromStatus = from,
        ToStatus = to,
        ActorId = residentId,
        ActorName = name,
        ActorUnitName = string.Empty,
        TargetUnitId = target?.Id,
        TargetUnitName = target?.Name,
        Note = note,
        At = at,
    };
}

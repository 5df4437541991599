using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>One step of a report as its resident sees it: what happened and which office has it, never who.</summary>
public sealed record PublicStep(EventAction Action, DateTime At, string? UnitName, string? OtherNumber);

/// <summary>
/// The public part of the 流程轨迹. Staff names, notes and internal moves (a department returning
/// the job, check-ins, supervision, relocation) stay inside; only milestones a resident understands
/// are shown, with the office that has the job.
/// </summary>
public static class PublicTimeline
{
    private static readonly HashSet<EventAction> Shown =
    [
        EventAction.Report, EventAction.Accept, EventAction.Register, EventAction.Escalate, EventAction.Dispatch,
        EventAction.Summon, EventAction.Reassign, EventAction.SignFor, EventAction.Feedback, EventAction.Verify,
        EventAction.Rework, EventAction.Close, EventAction.Evaluate, EventAction.Void, EventAction.Reopen, EventAction.Merge,
    ];

    /// <summary>Actions that name the office the job went to; others name none.</summary>
    private static readonly HashSet<EventAction> NamesTarget =
        [EventAction.Escalate, EventAction.Dispatch, EventAction.Summon, EventAction.Reassign];

    public static IReadOnlyList<PublicStep> Of(IEnumerable<TimelineEntry> entries, string? mergedIntoNumber) =>
        entries
            .Where(t => Shown.Contains(t.Action))
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new PublicStep(
                t.Action,
                t.At,
                NamesTarget.Contains(t.Action) ? t.TargetUnitName : t.Action == EventAction.SignFor ? t.ActorUnitName : null,
                t.Action == EventAction.Merge ? mergedIntoNumber : null))
            .ToList();
}

using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>One step of a report as its resident sees it: what happened and which office has it, never who.</summary>
/// <param name="Action">The milestone; null for an explanation (说明) that staff made public on a step that stays internal.</param>
/// <param name="Note">What staff wrote, only when they marked it public (向群众公开).</param>
public sealed record PublicStep(EventAction? Action, DateTime At, string? UnitName, string? OtherNumber, string? Note);

/// <summary>
/// The public part of the 流程轨迹. Staff names, internal notes and internal moves (a department
/// returning the job, check-ins, supervision, relocation) stay inside; only milestones a resident
/// understands are shown, with the office that has the job, and the notes staff marked public.
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
            .Where(t => Shown.Contains(t.Action) || t.IsPublic)
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => Shown.Contains(t.Action) ? Milestone(t, mergedIntoNumber) : Explanation(t))
            .ToList();

    private static PublicStep Milestone(TimelineEntry t, string? mergedIntoNumber) => new(
        t.Action,
        t.At,
        NamesTarget.Contains(t.Action) ? t.TargetUnitName : t.Action == EventAction.SignFor ? t.ActorUnitName : null,
        t.Action == EventAction.Merge ? mergedIntoNumber : null,
        t.IsPublic ? t.Note : null);

    /// <summary>
    /// Staff marked the note public, so the resident should read it even when the step itself stays
    /// inside (a department returning the job with its reason is what a resident asks the hotline
    /// about). The step is not named, only the office that explains: the action may be internal
    /// jargon or blame, and the person is never shown.
    /// </summary>
    private static PublicStep Explanation(TimelineEntry t) => new(null, t.At, t.ActorUnitName, null, t.Note);
}

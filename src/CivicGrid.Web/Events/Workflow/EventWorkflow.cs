using CivicGrid.Web.Identity;
using CivicGrid.Web.Organisation;
using static CivicGrid.Web.Events.EventStatus;
using static CivicGrid.Web.Identity.StaffRole;

namespace CivicGrid.Web.Events.Workflow;

/// <summary>
/// The closed loop as data: every transition, from which states, by whom, needing what.
/// Pages and the API ask this table which actions to offer; the transition service asks it
/// before it changes anything. See docs/decisions/0003-state-machine.md.
/// </summary>
public static class EventWorkflow
{
    private static readonly IReadOnlySet<StaffRole> Anyone = Set(GridWorker, CommunityHead, Dispatcher, DepartmentHandler, Leader, Administrator);

    public static IReadOnlyList<Transition> Transitions { get; } =
    [
        new(EventAction.Accept, Set(Reported), Handling, Set(GridWorker, CommunityHead), Party.Holder, Needs.Nothing),
        new(EventAction.Register, Set(Reported), Registered, Set(Dispatcher), Party.Holder, Needs.Nothing),
        new(EventAction.Escalate, Set(Reported, Handling, Registered), Reported, Set(GridWorker, CommunityHead, Dispatcher), Party.Holder, Needs.Note, f => f.HasLevelAbove),
        new(EventAction.Dispatch, Set(Reported, Registered), Dispatched, Set(Dispatcher), Party.Holder, Needs.TargetUnit),
        new(EventAction.Summon, Set(Reported, Registered), Dispatched, Set(Dispatcher), Party.Holder, Needs.TargetUnit | Needs.AssistUnits | Needs.Note),
        new(EventAction.SignFor, Set(Dispatched), Handling, Set(DepartmentHandler), Party.Holder, Needs.Nothing),
        new(EventAction.Return, Set(Dispatched, Handling), Registered, Set(DepartmentHandler), Party.Holder, Needs.Note),
        new(EventAction.Reassign, Set(Dispatched, Handling), Dispatched, Set(Dispatcher), Party.DispatchingCentre, Needs.TargetUnit | Needs.Note),
        new(EventAction.Feedback, Set(Handling), AwaitingVerification, Set(CommunityHead, DepartmentHandler), Party.Holder, Needs.Note),
        new(EventAction.CheckIn, Set(Dispatched, Handling, AwaitingVerification), null, Set(DepartmentHandler), Party.AwaitedDepartment, Needs.Nothing),
        new(EventAction.AssistFeedback, Set(Dispatched, Handling, AwaitingVerification), null, Set(DepartmentHandler), Party.AssistingDepartment, Needs.Note),
        new(EventAction.Verify, Set(AwaitingVerification), Closed, Set(GridWorker, CommunityHead, Dispatcher), Party.Holder | Party.Overseer, Needs.Nothing),
        new(EventAction.Rework, Set(AwaitingVerification), Handling, Set(GridWorker, CommunityHead, Dispatcher), Party.Holder | Party.Overseer, Needs.Note),
        new(EventAction.Close, Set(Handling), Closed, Set(GridWorker, CommunityHead), Party.Holder, Needs.Note),
        new(EventAction.Evaluate, Set(Closed), Evaluated, Anyone, Party.Reporter | Party.Overseer, Needs.Satisfaction),
        new(EventAction.Void, Set(Reported, Registered, Handling), Voided, Set(CommunityHead, Dispatcher), Party.Holder, Needs.Note),
        new(EventAction.Reopen, Set(Closed, Evaluated, Voided), Reported, Set(CommunityHead, Dispatcher), Party.Overseer, Needs.Note),
        new(EventAction.Merge, Set(Reported, Registered, Dispatched, Handling), Merged, Set(CommunityHead, Dispatcher), Party.Holder | Party.Overseer, Needs.TargetEvent | Needs.Note),
        new(EventAction.Relocate, Set(Reported, Registered, Dispatched, Handling, AwaitingVerification), null, Set(GridWorker, CommunityHead, Dispatcher), Party.Holder | Party.Overseer, Needs.Location | Needs.Note),
    ];

    private static readonly Dictionary<EventAction, Transition> ByAction = Transitions.ToDictionary(t => t.Action);

    public static Transition For(EventAction action) =>
        ByAction.TryGetValue(action, out var transition)
            ? transition
            : throw new ArgumentOutOfRangeException(nameof(action), action, "Not a transition of an existing event.");

    /// <summary>Decides whether the caller may take the action on the event as it stands now.</summary>
    public static Decision Decide(EventFacts facts, Caller caller, EventAction action)
    {
        var transition = For(action);
        if (!transition.From.Contains(facts.Status) || transition.When?.Invoke(facts) == false)
        {
            return Decision.IllegalState;
        }

        return transition.Roles.Contains(caller.Role) && (PartiesOf(facts, caller) & transition.Parties) != 0
            ? Decision.Allowed
            : Decision.NotPermitted;
    }

    /// <summary>The actions this caller may take now, in the order of the table.</summary>
    public static IReadOnlyList<Transition> Available(EventFacts facts, Caller caller) =>
        Transitions.Where(t => Decide(facts, caller, t.Action) == Decision.Allowed).ToList();

    public static EventStep StepOf(EventStatus status) => status switch
    {
        Reported => EventStep.Accept,
        Registered => EventStep.Dispatch,
        Dispatched => EventStep.SignFor,
        Handling => EventStep.Handle,
        AwaitingVerification => EventStep.Verify,
        _ => EventStep.None,
    };

    public static bool IsOpen(EventStatus status) => status is not (Closed or Evaluated or Voided or Merged);

    private static Party PartiesOf(EventFacts facts, Caller caller)
    {
        var parties = default(Party);
        if (facts.HolderUnitId == caller.UnitId)
        {
            parties |= Party.Holder;
        }

        if (facts.DispatchingCentreId == caller.UnitId)
        {
            parties |= Party.DispatchingCentre;
        }

        if (facts.PendingAssistDepartmentIds.Contains(caller.UnitId))
        {
            parties |= Party.AssistingDepartment;
        }

        if (facts.UncheckedAssistDepartmentIds?.Contains(caller.UnitId) == true)
        {
            parties |= Party.AwaitedDepartment;
        }

        if (caller.PlaceScopePath is { } scope && facts.PlacePath.StartsWith(scope, StringComparison.Ordinal))
        {
            parties |= Party.Overseer;
        }

        if (facts.ReporterId == caller.UserId)
        {
            parties |= Party.Reporter;
        }

        return parties;
    }

    private static HashSet<T> Set<T>(params T[] items) => [.. items];
}

public enum Decision
{
    Allowed,
    /// <summary>No one may take this action in the event's current state: 409.</summary>
    IllegalState,
    /// <summary>The action is possible, but not for this caller: 403.</summary>
    NotPermitted,
}

/// <summary>What the workflow needs to know about an event to decide. Load the event with its assignments.</summary>
public sealed record EventFacts(
    EventStatus Status,
    int? HolderUnitId,
    int? DispatchingCentreId,
    IReadOnlyCollection<int> PendingAssistDepartmentIds,
    string PlacePath,
    Guid ReporterId,
    bool HasLevelAbove,
    IReadOnlyCollection<int>? UncheckedAssistDepartmentIds = null)
{
    public static EventFacts Of(Event e, OrganisationTree organisation) => new(
        e.Status,
        e.HolderUnitId,
        e.DispatchingCentreId,
        e.Assignments.Where(a => a.Role == AssignmentRole.Assist && a.Status == AssignmentStatus.Pending).Select(a => a.DepartmentId).ToList(),
        e.PlacePath,
        e.ReporterId,
        organisation.Find(e.HolderUnitId) is not { Kind: OrgUnitKind.GovernanceCentre } holder || !holder.IsTopLevel,
        e.Assignments.Where(a => a.Role == AssignmentRole.Assist && a.Status == AssignmentStatus.Pending && a.CheckedInAt == null).Select(a => a.DepartmentId).ToList());
}

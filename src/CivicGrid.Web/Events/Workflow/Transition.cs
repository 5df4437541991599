using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Events.Workflow;

/// <summary>Who, relative to the event, may take an action.</summary>
[Flags]
public enum Party
{
    /// <summary>The caller belongs to the unit the event waits on.</summary>
    Holder = 1,
    /// <summary>The caller belongs to the centre that dispatched the event.</summary>
    DispatchingCentre = 2,
    /// <summary>The caller's department has an unfinished assisting assignment.</summary>
    AssistingDepartment = 4,
    /// <summary>The event's place lies in the caller's place subtree.</summary>
    Overseer = 8,
    /// <summary>The caller reported the event.</summary>
    Reporter = 16,
    /// <summary>The caller's department has an unfinished assisting assignment and has not checked in (报到) yet.</summary>
    AwaitedDepartment = 32,
}

/// <summary>What the caller must supply for an action.</summary>
[Flags]
public enum Needs
{
    Nothing = 0,
    /// <summary>A reason or a result, in words.</summary>
    Note = 1,
    /// <summary>A unit to send the event to.</summary>
    TargetUnit = 2,
    Satisfaction = 4,
    /// <summary>Another event, the one a duplicate is merged into.</summary>
    TargetEvent = 8,
    /// <summary>A new position (latitude, longitude, address).</summary>
    Location = 16,
    /// <summary>At least one assisting department besides the lead (a summons).</summary>
    AssistUnits = 32,
}

/// <summary>
/// One row of the state machine: an action, the states it may start from, the roles and
/// parties that may take it, what it needs, and the state it leads to (null: unchanged).
/// <see cref="When"/>, if set, is a further condition on the event (e.g. there is a level above).
/// </summary>
public sealed record Transition(
    EventAction Action,
    IReadOnlySet<EventStatus> From,
    EventStatus? To,
    IReadOnlySet<StaffRole> Roles,
    Party Parties,
    Needs Needs,
    Func<EventFacts, bool>? When = null);

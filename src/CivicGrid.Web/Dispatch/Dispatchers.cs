using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Dispatch;

/// <summary>Who works the centre's queue: whoever the state machine lets dispatch, so the two never disagree.</summary>
public static class Dispatchers
{
    /// <summary>The authorisation policy of the queue page.</summary>
    public const string Policy = "Dispatcher";

    public static bool IsFor(Caller caller) => EventWorkflow.For(EventAction.Dispatch).Roles.Contains(caller.Role);
}

using CivicGrid.Web.Events;

namespace CivicGrid.Web.Notifications;

/// <summary>What a notification is about: the event as its texts show it, and the deadline the recipient must meet.</summary>
public sealed record NotificationSubject(
    Event Event,
    DateTime? Deadline,
    string? ActorName = null,
    string? Note = null,
    Supervision.SupervisionOrder? Order = null)
{
    public static NotificationSubject Of(Event e, string? actorName = null, string? note = null) => new(e, e.StepDeadline, actorName, note);

    public bool Urgent => Event.Urgency != Urgency.Normal;
}

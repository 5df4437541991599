namespace CivicGrid.Web.Supervision;

/// <summary>
/// An item on the supervisor's to-do list: the unit holding an event let its step deadline pass.
/// Written by the overdue sweep together with the timeline entry, once per event and deadline.
/// </summary>
public class OverdueNotice
{
    public long Id { get; set; }
    public long EventId { get; set; }
    /// <summary>The step deadline that passed; the notice stays on the list while the event still waits on it.</summary>
    public DateTime Deadline { get; set; }
    public int HolderUnitId { get; set; }
    /// <summary>Who looks after the holder: grid → community → street centre → district centre; department → the centre that dispatched it.</summary>
    public int SupervisorUnitId { get; set; }
    public DateTime NoticedAt { get; set; }
}

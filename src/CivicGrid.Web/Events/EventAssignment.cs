namespace CivicGrid.Web.Events;

public enum AssignmentRole
{
    /// <summary>主办: handles the event and its feedback moves it on.</summary>
    Lead = 1,
    /// <summary>协办: contributes and reports its part.</summary>
    Assist = 2,
}

public enum AssignmentStatus
{
    Pending = 1,
    Done = 2,
    Returned = 3,
    Withdrawn = 4,
}

/// <summary>A department's part in an event. Past assignments stay, so a department keeps seeing its history.</summary>
public class EventAssignment
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public int DepartmentId { get; set; }
    public AssignmentRole Role { get; set; }
    public AssignmentStatus Status { get; set; }
    public DateTime AssignedAt { get; set; }
    /// <summary>报到: when the department answered; the lead by signing for, an assistant by checking in.</summary>
    public DateTime? CheckedInAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Note { get; set; }
}

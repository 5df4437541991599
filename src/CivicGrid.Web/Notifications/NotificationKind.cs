namespace CivicGrid.Web.Notifications;

/// <summary>Why someone is told something. Each kind has its own templates and its own channel choice in a person's preferences.</summary>
public enum NotificationKind
{
    /// <summary>新待办: an event now waits on the person's unit (reported, dispatched, summoned, reassigned, moved to their place).</summary>
    NewTodo = 1,
    /// <summary>退回: a department sent a dispatched event back to the centre, with a reason.</summary>
    Returned = 2,
    /// <summary>上报/提级: an event was escalated to the person's unit.</summary>
    Escalated = 3,
    /// <summary>督办单: a supervision order was issued to the person's unit.</summary>
    SupervisionOrder = 4,
    /// <summary>即将超期: 80% of the step's time is used.</summary>
    DeadlineNear = 5,
    /// <summary>已超期: the step deadline passed (to the holder and to its supervisor).</summary>
    Overdue = 6,
    /// <summary>待核查: the handler reported back; the grid or community checks on site.</summary>
    VerificationRequested = 7,
    /// <summary>返工: verification failed; the handler must do it again.</summary>
    Rework = 8,
    /// <summary>进展: the person's own report moved on (registered, dispatched, closed, voided, merged).</summary>
    ReportUpdated = 9,
    /// <summary>督办回复: the holder answered the person's supervision order.</summary>
    SupervisionReplied = 10,
    /// <summary>A signed-in resident's report reached a milestone; by SMS only, residents have no in-app inbox.</summary>
    ResidentProgress = 11,
    /// <summary>通知回执: staff sent the resident a notice to read and perhaps answer; by SMS only.</summary>
    ResidentNotice = 12,
}

/// <summary>How a notification reaches the person.</summary>
public enum NotificationChannel
{
    /// <summary>The open page, in real time (SignalR); always on, because it is the to-do list itself.</summary>
    InApp = 1,
    Sms = 2,
    Email = 3,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its time (<see cref="NotificationDelivery.DueAt"/>), or for a retry.</summary>
    Pending = 1,
    /// <summary>The channel accepted it (the gateway's id is kept).</summary>
    Sent = 2,
    /// <summary>Given up: a permanent error, or the last retry failed. Administrators see these.</summary>
    Failed = 3,
    /// <summary>Nothing to send to: the person has no phone or e-mail any more, or left.</summary>
    Skipped = 4,
}

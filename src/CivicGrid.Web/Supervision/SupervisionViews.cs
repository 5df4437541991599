using CivicGrid.Web.Events;

namespace CivicGrid.Web.Supervision;

/// <summary>A supervision order as lists and the event page show it, with what the caller may do with it.</summary>
public sealed record SupervisionOrderView(
    long Id,
    long EventId,
    string EventNumber,
    string EventTitle,
    string Note,
    DateTime Deadline,
    DateTime IssuedAt,
    string IssuerName,
    string IssuerUnitName,
    string AddresseeUnitName,
    string? Reply,
    DateTime? RepliedAt,
    string? ReplierName,
    string? ReplierUnitName,
    SupervisionState State,
    SupervisionOutcome Outcome,
    string? Assessment,
    DateTime? ConcludedAt,
    string? ConcluderName,
    DeadlineState Colour,
    bool MayReply,
    bool MayConclude);


/// <summary>An event on the centre's overdue list.</summary>
public sealed record OverdueEventView(
    long Id,
    string Number,
    string Title,
    Urgency Urgency,
    EventStatus Status,
    string? CommunityName,
    string? GridName,
    string? HolderUnitName,
    DateTime StepDeadline,
    bool HasOpenOrder);

/// <summary>A supervisor's to-do item: a unit it looks after let this event's deadline pass.</summary>
public sealed record OverdueNoticeView(long EventId, string Number, string Title, string HolderUnitName, DateTime Deadline, DateTime NoticedAt);

public sealed record IssueOrderRequest(string? Note, DateTimeOffset? Deadline);

public sealed record ReplyRequest(string? Note);

public sealed record ConcludeRequest(string? Assessment);

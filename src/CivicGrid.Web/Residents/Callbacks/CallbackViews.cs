using CivicGrid.Web.Events;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>A callback as the centre sees it: the event, how it was closed, and the number to call (shown only here).</summary>
/// <param name="ClosingNote">What the closing (or the handler's last report) said was done.</param>
/// <param name="EventSatisfaction">The event's evaluation: the reporter's own rating, or what a reached callback fed it.</param>
public sealed record CallbackView(
    long Id,
    long EventId,
    string EventNumber,
    string EventTitle,
    int CategoryId,
    string CategoryName,
    EventStatus EventStatus,
    DateTime? ClosedAt,
    string? ClosingNote,
    string ReporterPhone,
    Satisfaction? EventSatisfaction,
    CallbackStatus Status,
    int Attempts,
    int MaxAttempts,
    DateTime SampledAt,
    DateTime? LastAttemptAt,
    DateTime? RatingSmsAt,
    Satisfaction? Satisfaction,
    string? Comment,
    string? ByName,
    DateTime? At);

/// <summary>What the call came to; a satisfaction only when the reporter was reached.</summary>
public sealed record RecordOutcomeRequest(CallbackOutcome? Outcome, Satisfaction? Satisfaction = null, string? Comment = null);

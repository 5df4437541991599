using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Web.Events;

/// <summary>An event in a list.</summary>
public sealed record EventSummary(
    long Id,
    string Number,
    string Title,
    int CategoryId,
    string CategoryName,
    string CategoryPlainName,
    Urgency Urgency,
    EventStatus Status,
    string Address,
    string? CommunityName,
    string? GridName,
    string? HolderUnitName,
    DateTime ReportedAt,
    DateTime? StepDeadline,
    bool IsOverdue,
    DeadlineState DeadlineState,
    DateTime? StepWarnAt);

/// <summary>An event with everything its page shows, including what the caller may do next.</summary>
/// <param name="Suggestion">To a dispatcher who may dispatch the event now: the rule that fires for it and its departments.</param>
public sealed record EventDetail(
    long Id,
    string Number,
    string Title,
    string Description,
    int CategoryId,
    string CategoryName,
    string CategoryPlainName,
    Urgency Urgency,
    EventSource Source,
    EventStatus Status,
    double Latitude,
    double Longitude,
    string Address,
    int? StreetId,
    int? CommunityId,
    string? CommunityName,
    int? GridId,
    string? GridName,
    string ReporterName,
    int? HolderUnitId,
    string? HolderUnitName,
    int? DispatchingCentreId,
    DateTime ReportedAt,
    DateTime? StepDeadline,
    bool IsOverdue,
    DeadlineState DeadlineState,
    DateTime? StepWarnAt,
    /// <summary>The category counts working days only: the deadline skips weekends and public holidays.</summary>
    bool WorkingTime,
    DateTime? ClosedAt,
    int ReworkCount,
    Satisfaction? Satisfaction,
    string? EvaluationComment,
    int Version,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<EventAction> AvailableActions,
    long? MergedIntoId,
    IReadOnlyList<string> CoReporterNames,
    DispatchRuleRow? Suggestion);

/// <param name="CheckedInAt">报到: the lead signed for, an assistant checked in.</param>
/// <param name="FinishedAt">When the department reported back (or was withdrawn, or returned the event); <paramref name="Note"/> says what.</param>
public sealed record AssignmentView(int DepartmentId, string DepartmentName, AssignmentRole Role, AssignmentStatus Status, DateTime AssignedAt, DateTime? CheckedInAt, DateTime? FinishedAt, string? Note);

/// <param name="BySystem">Written by the platform itself (the overdue sweep), not by a person: pages name the actor <c>Timeline.SystemActor</c>.</param>
/// <param name="IsPublic">The reporting resident reads <paramref name="Note"/> too (已公开).</param>
public sealed record TimelineView(
    long Id,
    EventAction Action,
    EventStatus? FromStatus,
    EventStatus ToStatus,
    bool BySystem,
    string ActorName,
    string ActorUnitName,
    string? TargetUnitName,
    string? AssistUnitNames,
    string? Note,
    DateTime At,
    IReadOnlyList<Guid> AttachmentIds,
    int? DispatchRuleId,
    bool IsPublic);

/// <summary>Staff see the photo's GPS position; public views (a later feature) never carry it.</summary>
public sealed record AttachmentView(Guid Id, AttachmentStage Stage, string FileName, string ContentType, long Length, double? GpsLatitude, double? GpsLongitude, DateTime UploadedAt);

/// <summary>The to-do and done counts shown on the home page; <paramref name="Warning"/> counts the nearly due (yellow), not the overdue.</summary>
public sealed record WorkCounts(int Todo, int Overdue, int Done, int Warning);

using CivicGrid.Web.Categories;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Events;

/// <summary>
/// 事件: one problem found on the ground, from report to evaluation. Status, holder and
/// deadline change only through <see cref="Workflow.EventWorkflow"/>.
/// </summary>
public class Event
{

    public long Id { get; set; }
    /// <summary>A number people read aloud on the phone, e.g. 2026-000123.</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public Urgency Urgency { get; set; }
    public EventSource Source { get; set; }

    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string Address { get; set; }
    /// <summary>Street, community and grid come from where the incident stands; none of them when it stands outside every grid (the district's unplaced queue).</summary>
    public int? StreetId { get; set; }
    public int? CommunityId { get; set; }
    public int? GridId { get; set; }
    public OrgUnit? Community { get; set; }
    public OrgUnit? Grid { get; set; }
    /// <summary>Hierarchy path of the incident's place (grid, else community, else district): scope is a prefix test on it.</summary>
    public required string PlacePath { get; set; }
    /// <summary>The building and unit, when the report came from a building's QR code or a picked address.</summary>
    public int? BuildingId { get; set; }
    public int? BuildingUnitId { get; set; }

    /// <summary>The staff account, or for a resident's report the resident account (or empty when anonymous).</summary>
    public Guid ReporterId { get; set; }
    public required string ReporterName { get; set; }
    /// <summary>The resident account that reported; null for staff reports and anonymous residents.</summary>
    public Guid? ResidentId { get; set; }
    /// <summary>Where a resident can be reached for a callback: the signed-in number, or one an anonymous reporter chose to leave. Staff only.</summary>
    public string? ReporterPhone { get; set; }

    public EventStatus Status { get; set; }
    /// <summary>The unit the event waits on now (grid, community, centre or lead department).</summary>
    public int? HolderUnitId { get; set; }
    public OrgUnit? HolderUnit { get; set; }
    /// <summary>The centre that dispatched it, which receives returns and decides reassignment.</summary>
    public int? DispatchingCentreId { get; set; }
    /// <summary>The unit doing the work (lead department, community or grid); rework goes back to it.</summary>
    public int? HandlerUnitId { get; set; }
    public DateTime? StepDeadline { get; set; }
    /// <summary>When 80% of the step's time is used and it shows as nearly due; set with <see cref="StepDeadline"/>.</summary>
    public DateTime? StepWarnAt { get; set; }
    /// <summary>
    /// The step deadline whose passing the overdue sweep has already recorded. While it differs from
    /// <see cref="StepDeadline"/> the sweep may claim the event; the claim copies one onto the other.
    /// </summary>
    public DateTime? OverdueNoticedFor { get; set; }
    /// <summary>The warning point whose passing the sweep has already told the holder of; claimed the same way as <see cref="OverdueNoticedFor"/>.</summary>
    public DateTime? WarnNoticedFor { get; set; }
    public int ReworkCount { get; set; }

    public DateTime ReportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public string? EvaluationComment { get; set; }
    /// <summary>
    /// Set when a resident says "unsatisfied" (in a rating or a callback): the governance centre
    /// reviews the event and reopens it or confirms it; cleared by that review.
    /// </summary>
    public DateTime? ReviewRequestedAt { get; set; }

    /// <summary>The terms of number, title, address and description that the full-text index holds (<see cref="Search.SearchTerms"/>).</summary>
    public string SearchTerms { get; set; } = string.Empty;

    /// <summary>A duplicate merged by a dispatcher points to the event that carries on.</summary>
    public long? MergedIntoId { get; set; }

    /// <summary>Optimistic concurrency: each change bumps it; a stale writer gets 409.</summary>
    public int Version { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];
    public List<EventAssignment> Assignments { get; set; } = [];
    public List<Attachments.Attachment> Attachments { get; set; } = [];
    /// <summary>People who found the same problem and joined this event instead of filing another.</summary>
    public List<EventCoReporter> CoReporters { get; set; } = [];

    public bool IsOverdue(DateTime nowUtc) => StepDeadline is { } deadline && nowUtc > deadline;

    public DeadlineState DeadlineStateAt(DateTime nowUtc) =>
        IsOverdue(nowUtc) ? DeadlineState.Overdue : StepWarnAt is { } warnAt && nowUtc >= warnAt ? DeadlineState.Warning : DeadlineState.Normal;

    /// <summary>Starts the clock of a new step, or stops it when no step runs (<paramref name="due"/> null).</summary>
    public void StartStep(StepDue? due)
    {
        StepDeadline = due?.Deadline;
        StepWarnAt = due?.WarnAt;
    }

    /// <summary>Refreshes <see cref="SearchTerms"/> after the number or any searchable text changed.</summary>
    public void IndexText() => SearchTerms = Search.SearchTerms.Of(Number, Title, Address, Description);
}

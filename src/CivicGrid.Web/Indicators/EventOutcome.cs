using CivicGrid.Web.Events;
using CivicGrid.Web.Residents.Callbacks;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// What became of one event, as the indicators count it (docs/indicators.md): one row per event,
/// rewritten by <see cref="OutcomeProjection"/> in the same save as anything that changes it, so the
/// dashboards group these rows instead of reading every timeline (decision 0017).
/// </summary>
/// <remarks>Days, weeks and months are China-time integers (20261123, week by its Monday, 202611) so that grouping is the same plain SQL on SQLite and PostgreSQL.</remarks>
public class EventOutcome
{
    public long EventId { get; set; }
    public Event? Event { get; set; }

    public required string PlacePath { get; set; }
    public int? StreetId { get; set; }
    public int? CommunityId { get; set; }
    public int? GridId { get; set; }
    /// <summary>The square of the heat map (about 100 m) the event stands in: latitude and longitude in thousandths of a degree, rounded (<see cref="IndicatorMap.Square"/>).</summary>
    public int LatitudeSquare { get; set; }
    public int LongitudeSquare { get; set; }
    public int CategoryId { get; set; }
    public EventSource Source { get; set; }
    public EventStatus Status { get; set; }
    /// <summary>Voided or merged into another event: counted nowhere.</summary>
    public bool Excluded { get; set; }
    /// <summary>The department the last dispatch, summons or reassignment named as lead.</summary>
    public int? LeadDepartmentId { get; set; }

    public DateTime ReportedAt { get; set; }
    public int ReportedDay { get; set; }
    public int ReportedWeek { get; set; }
    public int ReportedMonth { get; set; }
    /// <summary>The first 受理, 立案, dispatch straight from the inbox, or 自行处置.</summary>
    public DateTime? AcceptedAt { get; set; }
    /// <summary>Set while the event stands closed (a reopen clears it).</summary>
    public DateTime? ClosedAt { get; set; }
    public int? ClosedDay { get; set; }
    public int? ClosedWeek { get; set; }
    public int? ClosedMonth { get; set; }

    public bool SolvedOnSpot { get; set; }
    /// <summary>Deadlines passed in any step of any round (the timeline's 超期 entries).</summary>
    public int OverdueCount { get; set; }
    /// <summary>Closed with no deadline ever passed; null while open.</summary>
    public bool? ClosedOnTime { get; set; }
    public bool Dispatched { get; set; }
    public int ReturnCount { get; set; }
    /// <summary>The handler reported back (反馈) at least once, so there was something to verify.</summary>
    public bool ReachedVerification { get; set; }
    public int ReworkCount { get; set; }

    /// <summary>Minutes spent in each step, summed over rounds; null when the step never ended.</summary>
    public int? AcceptMinutes { get; set; }
    public int? DispatchMinutes { get; set; }
    public int? SignForMinutes { get; set; }
    public int? HandleMinutes { get; set; }
    public int? VerifyMinutes { get; set; }
    /// <summary>From the report to the closing; null while open.</summary>
    public int? TotalMinutes { get; set; }

    /// <summary>The latest round rating (评价), whoever gave it.</summary>
    public Satisfaction? Rating { get; set; }
    public CallbackStatus? CallbackStatus { get; set; }
    /// <summary>What the reporter said when the callback reached them.</summary>
    public Satisfaction? CallbackSatisfaction { get; set; }

    public int SupervisionOrders { get; set; }
    public int SupervisionAnsweredOnTime { get; set; }
    public int SupervisionAnsweredLate { get; set; }
    public int SupervisionUnanswered { get; set; }
    public int SupervisionConcluded { get; set; }
}

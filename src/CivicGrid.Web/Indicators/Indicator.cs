using System.Linq.Expressions;
using CivicGrid.Web.Events;

namespace CivicGrid.Web.Indicators;

/// <summary>A count the dashboards show and drill into; each is defined in docs/indicators.md.</summary>
public enum Indicator
{
    Received = 1,
    Accepted = 2,
    Closed = 3,
    ClosedOnTime = 4,
    SolvedOnSpot = 5,
    Dispatched = 6,
    Returned = 7,
    ReachedVerification = 8,
    Reworked = 9,
    Rated = 10,
    RatedSatisfied = 11,
    CallbacksReached = 12,
    CallbacksSatisfied = 13,
    Supervised = 14,
    SupervisionLate = 15,
    ClosedInPeriod = 16,
    OverdueNow = 17,
}

/// <summary>Which day puts an event in a period.</summary>
public enum Cohort
{
    /// <summary>The events reported in the period.</summary>
    Reported = 1,
    /// <summary>The events closed in the period.</summary>
    Closed = 2,
    /// <summary>The state at the moment of counting, whatever the period.</summary>
    Now = 3,
}

/// <summary>An indicator's cohort and what, within it, it counts: the counting and the drill-down both use <see cref="Predicate"/>.</summary>
public sealed record IndicatorDefinition(Indicator Indicator, Cohort Cohort, Expression<Func<EventOutcome, bool>> Predicate)
{
    private static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(Indicator.Received, Cohort.Reported, o => true),
        new(Indicator.Accepted, Cohort.Reported, o => o.AcceptedAt != null),
        new(Indicator.Closed, Cohort.Reported, o => o.ClosedAt != null),
        new(Indicator.ClosedOnTime, Cohort.Reported, o => o.ClosedOnTime == true),
        new(Indicator.SolvedOnSpot, Cohort.Reported, o => o.SolvedOnSpot),
        new(Indicator.Dispatched, Cohort.Reported, o => o.Dispatched),
        new(Indicator.Returned, Cohort.Reported, o => o.Dispatched && o.ReturnCount > 0),
        new(Indicator.ReachedVerification, Cohort.Reported, o => o.ReachedVerification),
        new(Indicator.Reworked, Cohort.Reported, o => o.ReachedVerification && o.ReworkCount > 0),
        new(Indicator.Rated, Cohort.Reported, o => o.Rating != null),
        new(Indicator.RatedSatisfied, Cohort.Reported, o => o.Rating == Satisfaction.Satisfied || o.Rating == Satisfaction.BasicallySatisfied),
        new(Indicator.CallbacksReached, Cohort.Reported, o => o.CallbackStatus == Residents.Callbacks.CallbackStatus.Reached),
        new(Indicator.CallbacksSatisfied, Cohort.Reported, o => o.CallbackStatus == Residents.Callbacks.CallbackStatus.Reached
            && (o.CallbackSatisfaction == Satisfaction.Satisfied || o.CallbackSatisfaction == Satisfaction.BasicallySatisfied)),
        new(Indicator.Supervised, Cohort.Reported, o => o.SupervisionOrders > 0),
        new(Indicator.SupervisionLate, Cohort.Reported, o => o.SupervisionAnsweredLate > 0 || o.SupervisionUnanswered > 0),
        new(Indicator.ClosedInPeriod, Cohort.Closed, o => true),
    ];

    private static readonly Dictionary<Indicator, IndicatorDefinition> ByIndicator = All.ToDictionary(d => d.Indicator);

    /// <summary>
    /// The supervision counts over the events reported in the period: orders, not events, so each
    /// sums the outcome column of its own name instead of counting rows.
    /// </summary>
    public static readonly IReadOnlyList<Expression<Func<EventOutcome, int>>> OrderSums =
    [
        o => o.SupervisionOrders, o => o.SupervisionAnsweredOnTime, o => o.SupervisionAnsweredLate, o => o.SupervisionUnanswered, o => o.SupervisionConcluded,
    ];

    /// <summary>The indicators counted over the outcome rows of the events reported in the period.</summary>
    public static IEnumerable<IndicatorDefinition> OfReportedCohort => All.Where(d => d.Cohort == Cohort.Reported);

    /// <summary>The definition over outcome rows; null for <see cref="Indicator.OverdueNow"/>, which is read from the events as they stand.</summary>
    public static IndicatorDefinition? For(Indicator indicator) => ByIndicator.GetValueOrDefault(indicator);
}

using System.Linq.Expressions;
using CivicGrid.Web.Events;
using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// A unit's dashboard for a period (China days, both included): the figures, the time each step
/// took, and the same figures by category, source channel, child place and week or month. Shares
/// are between 0 and 1, null when there was nothing to divide by.
/// </summary>
/// <param name="TrendBy">"week" or "month": what <see cref="Trend"/> is counted by.</param>
public sealed record IndicatorReport(
    IndicatorUnitView Unit,
    DateOnly From,
    DateOnly To,
    string TrendBy,
    IndicatorFigures Totals,
    int OverdueNow,
    IReadOnlyList<StepTime> StepTimes,
    IReadOnlyList<IndicatorRow> ByCategory,
    IReadOnlyList<IndicatorRow> BySource,
    IReadOnlyList<IndicatorRow> ByPlace,
    IReadOnlyList<IndicatorRow> Trend,
    DateTime CountedAt);

public sealed record IndicatorUnitView(int Id, string Name, OrgUnitKind Kind);

/// <summary>
/// One row of a breakdown. <see cref="Key"/> is what the drill-down takes back (<c>by</c> and
/// <c>key</c>): a category id, an <see cref="EventSource"/> value, a place id (null: outside every
/// place of that level), or a week's Monday (yyyyMMdd) or a month (yyyyMM).
/// </summary>
public sealed record IndicatorRow(int? Key, string Label, IndicatorFigures Figures);

/// <summary>The counts of docs/indicators.md and the shares drawn from them.</summary>
public sealed record IndicatorFigures(
    int Received,
    int Accepted,
    int Closed,
    int ClosedOnTime,
    int SolvedOnSpot,
    int Dispatched,
    int Returned,
    int ReachedVerification,
    int Reworked,
    int Rated,
    int RatedSatisfied,
    int CallbacksReached,
    int CallbacksSatisfied,
    int Supervised,
    int SupervisionLate,
    int ClosedInPeriod,
    SupervisionFigures Orders)
{
    /// <summary>结案率: closed of received.</summary>
    public double? ClosureRate => Share(Closed, Received);
    /// <summary>按期结案率: closed with no step ever overdue, of closed.</summary>
    public double? OnTimeRate => Share(ClosedOnTime, Closed);
    public double? SolvedOnSpotShare => Share(SolvedOnSpot, Received);
    /// <summary>退回率: returned at least once, of dispatched.</summary>
    public double? ReturnRate => Share(Returned, Dispatched);
    /// <summary>返工率: reworked at least once, of those that reached verification.</summary>
    public double? ReworkRate => Share(Reworked, ReachedVerification);
    /// <summary>满意率 from ratings; <see cref="Rated"/> is its sample size.</summary>
    public double? SatisfactionRate => Share(RatedSatisfied, Rated);
    /// <summary>满意率 from callbacks; <see cref="CallbacksReached"/> is its sample size.</summary>
    public double? CallbackSatisfactionRate => Share(CallbacksSatisfied, CallbacksReached);
    public double? SupervisionLateShare => Share(SupervisionLate, Supervised);

    public static IndicatorFigures Of(Tally t) => new(
        t.Received, t.Accepted, t.Closed, t.ClosedOnTime, t.SolvedOnSpot, t.Dispatched, t.Returned, t.ReachedVerification, t.Reworked,
        t.Rated, t.RatedSatisfied, t.CallbacksReached, t.CallbacksSatisfied, t.Supervised, t.SupervisionLate, t.ClosedInPeriod,
        new SupervisionFigures(t.SupervisionOrders, t.SupervisionAnsweredOnTime, t.SupervisionAnsweredLate, t.SupervisionUnanswered, t.SupervisionConcluded));

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

/// <summary>Supervision orders (not events) on the events received: issued, answered on time or late, unanswered by their deadline, concluded.</summary>
public sealed record SupervisionFigures(int Issued, int AnsweredOnTime, int AnsweredLate, int Unanswered, int Concluded);

/// <summary>Minutes spent in one step by the events closed in the period that went through it.</summary>
public sealed record StepTime(EventStep Step, string Label, int Events, double? AverageMinutes, double? MedianMinutes);

/// <summary>An event behind a number.</summary>
public sealed record IndicatorEvent(long Id, string Number, string Title, EventStatus Status, int CategoryId, EventSource Source, string Address, DateTime ReportedAt, DateTime? ClosedAt);

/// <summary>Where a group of outcome rows falls in every breakdown at once: its category, source channel, child place and week or month.</summary>
public sealed class Cell
{
    public int? Category { get; set; }
    public int? Source { get; set; }
    public int? Place { get; set; }
    public int? Trend { get; set; }
}

/// <summary>The counts of one cell of outcome rows, as the database returns them.</summary>
public sealed class Tally : Counts
{
    private static readonly Action<Tally, Counts> Adding = BuildAdding();

    public Cell Cell { get; set; } = new();

    public static Tally Sum(IEnumerable<Tally> tallies)
    {
        var sum = new Tally();
        foreach (var t in tallies)
        {
            Adding(sum, t);
        }

        return sum;
    }

    /// <summary>(sum, t) => { sum.Received += t.Received; … } over every count, compiled once: a year's dashboard sums thousands of cells.</summary>
    private static Action<Tally, Counts> BuildAdding()
    {
        var sum = Expression.Parameter(typeof(Tally), "sum");
        var t = Expression.Parameter(typeof(Counts), "t");
        var adds = Counts.Columns.Select(p => Expression.AddAssign(Expression.Property(sum, p), Expression.Property(t, p)));
        return Expression.Lambda<Action<Tally, Counts>>(Expression.Block(adds), sum, t).Compile();
    }
}

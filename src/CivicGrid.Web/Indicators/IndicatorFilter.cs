using System.Linq.Expressions;
using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore.Query;

namespace CivicGrid.Web.Indicators;

/// <summary>What a breakdown row is keyed by.</summary>
public enum Breakdown
{
    Category = 1,
    Source = 2,
    /// <summary>The child places of the unit (see <see cref="IndicatorUnit.ChildPlace"/>).</summary>
    Place = 3,
    /// <summary>The week (its Monday, yyyyMMdd) or the month (yyyyMM) of the cohort's day.</summary>
    Trend = 4,
}

/// <summary>
/// One cell of a dashboard: an indicator of a unit over a period, optionally in one breakdown row.
/// The figures are counted by grouping <see cref="Cohort(IQueryable{EventOutcome}, Indicators.Cohort)"/> on
/// <see cref="KeyOf"/> with the indicator's predicate, and the drill-down lists <see cref="Apply"/>:
/// the same expressions, so the list holds as many events as the cell says.
/// </summary>
public sealed record IndicatorFilter(IndicatorUnit Unit, DateOnly From, DateOnly To, Indicator Indicator = Indicator.Received, Breakdown? By = null, int? Key = null)
{
    /// <summary>A trend is by week up to this many days, by month beyond.</summary>
    public const int WeeklyTrendUpToDays = 62;

    public bool TrendByMonth => To.DayNumber - From.DayNumber + 1 > WeeklyTrendUpToDays;

    /// <summary>The unit's events of the period by the cohort's day, voided and merged ones left out.</summary>
    public IQueryable<EventOutcome> Cohort(IQueryable<EventOutcome> outcomes, Cohort cohort) => Cohort(outcomes, cohort, From, To);

    /// <summary>The unit's events of some of the period's days by the cohort's day, voided and merged ones left out.</summary>
    public IQueryable<EventOutcome> Cohort(IQueryable<EventOutcome> outcomes, Cohort cohort, DateOnly first, DateOnly last)
    {
        var from = OutcomeProjection.DayNumber(first);
        var to = OutcomeProjection.DayNumber(last);
        var mine = outcomes.Where(Unit.Outcomes()).Where(o => !o.Excluded);
        return cohort == Indicators.Cohort.Closed
            ? mine.Where(o => o.ClosedDay >= from && o.ClosedDay <= to)
            : mine.Where(o => o.ReportedDay >= from && o.ReportedDay <= to);
    }

    /// <summary>The outcome rows this cell counts; not for <see cref="Indicator.OverdueNow"/>.</summary>
    public IQueryable<EventOutcome> Apply(IQueryable<EventOutcome> outcomes)
    {
        var definition = IndicatorDefinition.For(Indicator) ?? throw new InvalidOperationException($"{Indicator} is not counted over outcomes.");
        var rows = Cohort(outcomes, definition.Cohort).Where(definition.Predicate);
        if (By is not { } by)
        {
            return rows;
        }

        var key = KeyOf(by, definition.Cohort) ?? throw new InvalidOperationException($"{Unit.Unit.Kind} has no {by} breakdown.");
        var equals = Expression.Equal(key.Body, Expression.Constant(Key, typeof(int?)));
        return rows.Where(Expression.Lambda<Func<EventOutcome, bool>>(equals, key.Parameters));
    }

    /// <summary>The key a breakdown groups the cohort's rows by; null when the unit has no such breakdown (a grid has no child places).</summary>
    public Expression<Func<EventOutcome, int?>>? KeyOf(Breakdown by, Cohort cohort) => (by, cohort, TrendByMonth) switch
    {
        (Breakdown.Category, _, _) => o => o.CategoryId,
        (Breakdown.Source, _, _) => o => (int)o.Source,
        (Breakdown.Place, _, _) => Unit.ChildPlace(),
        (Breakdown.Trend, Indicators.Cohort.Closed, true) => o => o.ClosedMonth,
        (Breakdown.Trend, Indicators.Cohort.Closed, false) => o => o.ClosedWeek,
        (Breakdown.Trend, _, true) => o => o.ReportedMonth,
        _ => o => o.ReportedWeek,
    };

    /// <summary>o => new Cell { Category = …, Source = …, Place = …, Trend = … }: the keys of every breakdown of the cohort's rows.</summary>
    public Expression<Func<EventOutcome, Cell>> CellOf(Cohort cohort)
    {
        var o = Expression.Parameter(typeof(EventOutcome), "o");
        Expression Key(Breakdown by) => KeyOf(by, cohort) is { } key
            ? ReplacingExpressionVisitor.Replace(key.Parameters[0], o, key.Body)
            : Expression.Constant(null, typeof(int?));
        MemberBinding Bind(string property, Breakdown by) => Expression.Bind(typeof(Cell).GetProperty(property)!, Key(by));

        return Expression.Lambda<Func<EventOutcome, Cell>>(
            Expression.MemberInit(
                Expression.New(typeof(Cell)),
                Bind(nameof(Cell.Category), Breakdown.Category),
                Bind(nameof(Cell.Source), Breakdown.Source),
                Bind(nameof(Cell.Place), Breakdown.Place),
                Bind(nameof(Cell.Trend), Breakdown.Trend)),
            o);
    }

    /// <summary>The open events the unit holds (a place: that stand in it) whose running step is past its deadline.</summary>
    public IQueryable<Event> OverdueNow(IQueryable<Event> events, DateTime now) =>
        events.Where(Unit.HeldEvents()).Where(e => e.Status != EventStatus.Closed && e.Status != EventStatus.Evaluated
            && e.Status != EventStatus.Voided && e.Status != EventStatus.Merged && e.StepDeadline < now);
}

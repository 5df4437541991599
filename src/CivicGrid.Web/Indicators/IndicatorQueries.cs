using System.Globalization;
using System.Linq.Expressions;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// Counts the indicators of docs/indicators.md for a unit and a period in the database, by
/// grouping the outcome rows (<see cref="EventOutcome"/>), and lists the events behind any count.
/// </summary>
public sealed class IndicatorQueries(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    ReferenceSnapshot<CategoryCatalogue> categories,
    IStringLocalizer<Text> text,
    TimeProvider clock)
{
    /// <summary>The longest period one dashboard counts: a few years, enough for any comparison.</summary>
    public const int MaxDays = 366 * 3;

    private static readonly Expression<Func<IGrouping<Cell, EventOutcome>, Tally>> Counting = BuildCounting();

    private static readonly (EventStep Step, Expression<Func<EventOutcome, int?>> Minutes)[] Steps =
    [
        (EventStep.Accept, o => o.AcceptMinutes),
        (EventStep.Dispatch, o => o.DispatchMinutes),
        (EventStep.SignFor, o => o.SignForMinutes),
        (EventStep.Handle, o => o.HandleMinutes),
        (EventStep.Verify, o => o.VerifyMinutes),
        (EventStep.None, o => o.TotalMinutes),
    ];

    public async Task<IndicatorReport> ReportAsync(int? unitId, DateOnly? from, DateOnly? to, Caller caller, CancellationToken ct)
    {
        var filter = await FilterAsync(unitId, from, to, caller, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var cells = await CellsAsync(filter, ct);
        var catalogue = await categories.GetAsync(ct);
        var tree = await organisation.GetAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        return new IndicatorReport(
            new IndicatorUnitView(filter.Unit.Unit.Id, filter.Unit.Unit.Name, filter.Unit.Unit.Kind),
            filter.From,
            filter.To,
            filter.TrendByMonth ? "month" : "week",
            IndicatorFigures.Of(Tally.Sum(cells)),
            await filter.OverdueNow(db.Events.AsNoTracking(), now).CountAsync(ct),
            await StepTimesAsync(filter, ct),
            Rows(cells, c => c.Category, key => catalogue.Find(key) is { } c ? (english ? c.NameEn : c.PlainName) : "—"),
            Rows(cells, c => c.Source, key => text[$"EventSource.{(EventSource)key!.Value}"]),
            filter.Unit.ChildPlace() is null ? [] : Rows(cells, c => c.Place, key => tree.NameOf(key) ?? text["Indicators.Unplaced"]),
            Rows(cells, c => c.Trend, key => TrendLabel(key!.Value, filter.TrendByMonth)),
            now);
    }

    /// <summary>The events counted in one cell, newest report first; the page's total is the cell's number.</summary>
    public async Task<Page<IndicatorEvent>> EventsAsync(int? unitId, DateOnly? from, DateOnly? to, Indicator indicator, Breakdown? by, int? key, Caller caller, PageRequest page, CancellationToken ct)
    {
        var filter = await FilterAsync(unitId, from, to, caller, ct) with { Indicator = indicator, By = by, Key = key };
        var check = new Validation()
            .Require(Enum.IsDefined(indicator), "indicator", "Indicators.UnknownIndicator")
            .Require(by is null || Enum.IsDefined(by.Value), "by", "Indicators.UnknownBreakdown")
            .Require(by is null || indicator != Indicator.OverdueNow, "by", "Indicators.OverdueHasNoBreakdown")
            .Require(by != Breakdown.Place || filter.Unit.ChildPlace() is not null, "by", "Indicators.NoChildPlaces");
        check.ThrowIfInvalid();

        if (indicator == Indicator.OverdueNow)
        {
            return await filter.OverdueNow(db.Events.AsNoTracking(), clock.GetUtcNow().UtcDateTime)
                .OrderBy(e => e.StepDeadline).ThenBy(e => e.Id)
                .Select(e => new IndicatorEvent(e.Id, e.Number, e.Title, e.Status, e.CategoryId, e.Source, e.Address, e.ReportedAt, e.ClosedAt))
                .ToPageAsync(page, ct);
        }

        return await filter.Apply(db.EventOutcomes.AsNoTracking())
            .OrderByDescending(o => o.ReportedAt).ThenByDescending(o => o.EventId)
            .Select(o => new IndicatorEvent(o.EventId, o.Event!.Number, o.Event.Title, o.Event.Status, o.CategoryId, o.Source, o.Event.Address, o.ReportedAt, o.ClosedAt))
            .ToPageAsync(page, ct);
    }

    /// <summary>
    /// The unit asked for (default: the caller's own place, or their department) and the period
    /// (default: this month to today). A unit outside the caller's reach does not exist for them.
    /// </summary>
    /// <remarks>Shared by every view of the indicators (dashboard, map, summary, ranking) so they all answer to the same reach.</remarks>
    public async Task<IndicatorFilter> FilterAsync(int? unitId, DateOnly? from, DateOnly? to, Caller caller, CancellationToken ct)
    {
        var today = LocalTime.Today(clock);
        var start = from ?? new DateOnly(today.Year, today.Month, 1);
        var end = to ?? (from is { } f && f > today ? f : today);
        new Validation()
            .Require(start <= end, "from", "Validation.PeriodOrder")
            .Require(end.DayNumber - start.DayNumber < MaxDays, "to", "Indicators.PeriodTooLong")
            .ThrowIfInvalid();

        var tree = await organisation.GetAsync(ct);
        var unit = tree.Find(unitId ?? DefaultUnit(caller, tree)) ?? throw DomainException.NotFound();
        if (unit.Kind == OrgUnitKind.GovernanceCentre)
        {
            unit = tree.Find(unit.ParentId)!;
        }

        var reachable = unit.Kind == OrgUnitKind.Department && unit.Id == caller.UnitId
            || caller.PlaceScopePath is { } scope && unit.Path.StartsWith(scope, StringComparison.Ordinal);
        return reachable ? new IndicatorFilter(new IndicatorUnit(unit), start, end) : throw DomainException.NotFound();
    }

    private static int DefaultUnit(Caller caller, OrganisationTree tree) =>
        caller.PlaceScopePath is { } scope ? tree.Units.Single(u => u.Path == scope).Id : caller.UnitId;

    /// <summary>
    /// The counts of every cell (category × source × child place × week or month) of the period,
    /// in one GROUP BY over the events reported in it and one over those closed in it; each
    /// breakdown is then the sum of its cells, so the database reads the period twice, not once per breakdown.
    /// </summary>
    private async Task<List<Tally>> CellsAsync(IndicatorFilter filter, CancellationToken ct)
    {
        var reported = await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported)
            .GroupBy(filter.CellOf(Cohort.Reported))
            .Select(Counting)
            .ToListAsync(ct);
        var closed = await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed)
            .Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate)
            .GroupBy(filter.CellOf(Cohort.Closed))
            .Select(g => new Tally { Cell = g.Key, ClosedInPeriod = g.Count() })
            .ToListAsync(ct);
        return [.. reported, .. closed];
    }

    /// <summary>
    /// The report-day figures of the filter's events by any place key (a grid, a street…): one GROUP BY
    /// with the indicators' own predicates, as the dashboard's cells. Rows outside every place of that kind are left out.
    /// </summary>
    public async Task<Dictionary<int, IndicatorFigures>> FiguresByAsync(IndicatorFilter filter, Expression<Func<EventOutcome, int?>> place, CancellationToken ct)
    {
        var cell = Expression.Lambda<Func<EventOutcome, Cell>>(
            Expression.MemberInit(Expression.New(typeof(Cell)), Expression.Bind(typeof(Cell).GetProperty(nameof(Cell.Place))!, place.Body)),
            place.Parameters);
        var tallies = await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported)
            .GroupBy(cell)
            .Select(Counting)
            .ToListAsync(ct);
        return tallies.Where(t => t.Cell.Place is not null).ToDictionary(t => t.Cell.Place!.Value, IndicatorFigures.Of);
    }

    private static List<IndicatorRow> Rows(List<Tally> cells, Func<Cell, int?> key, Func<int?, string> label) =>
        cells.GroupBy(t => key(t.Cell))
            .OrderBy(g => g.Key ?? int.MaxValue)
            .Select(g => new IndicatorRow(g.Key, label(g.Key), IndicatorFigures.Of(Tally.Sum(g))))
            .ToList();

    private static string TrendLabel(int key, bool byMonth) =>
        byMonth
            ? $"{key / 100:D4}-{key % 100:D2}"
            : new DateOnly(key / 10000, key / 100 % 100, key % 100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Average and median minutes of each step over the events closed in the period that went
    /// through it, from how many events took each number of minutes: one GROUP BY a step, whose
    /// rows are bounded by the longest stay (weeks of minutes), not by the events.
    /// </summary>
    private async Task<List<StepTime>> StepTimesAsync(IndicatorFilter filter, CancellationToken ct)
    {
        var closed = filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed).Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate);
        var times = new List<StepTime>();
        foreach (var (step, minutes) in Steps)
        {
            var histogram = await closed.Select(minutes).Where(m => m != null)
                .GroupBy(m => m!.Value)
                .Select(g => new MinutesCount(g.Key, g.Count()))
                .ToListAsync(ct);
            var (count, average, median) = Spread(histogram);
            times.Add(new StepTime(step, text[$"Indicators.Step.{step}"], count, average, median));
        }

        return times;
    }

    private sealed record MinutesCount(int Minutes, int Events);

    /// <summary>The events, the mean (to a tenth) and the median (the middle value, or the mean of the middle two) of a histogram.</summary>
    private static (int Count, double? Average, double? Median) Spread(List<MinutesCount> histogram)
    {
        var count = histogram.Sum(h => h.Events);
        if (count == 0)
        {
            return (0, null, null);
        }

        var sorted = histogram.OrderBy(h => h.Minutes).ToList();
        int At(int index)
        {
            var seen = 0;
            foreach (var h in sorted)
            {
                seen += h.Events;
                if (index < seen)
                {
                    return h.Minutes;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var median = count % 2 == 1 ? At(count / 2) : (At(count / 2 - 1) + At(count / 2)) / 2.0;
        return (count, Math.Round(histogram.Sum(h => (double)h.Minutes * h.Events) / count, 1), median);
    }

    /// <summary>g => new Tally { Cell = g.Key, Received = g.Count(), Accepted = g.Count(accepted), … }, from the indicators' own predicates.</summary>
    private static Expression<Func<IGrouping<Cell, EventOutcome>, Tally>> BuildCounting()
    {
        var g = Expression.Parameter(typeof(IGrouping<Cell, EventOutcome>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Cell))!, Expression.Property(g, nameof(IGrouping<Cell, EventOutcome>.Key))) };
        foreach (var definition in IndicatorDefinition.OfReportedCohort)
        {
            var count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(EventOutcome)], g, definition.Predicate);
            bindings.Add(Expression.Bind(typeof(Tally).GetProperty(definition.Indicator.ToString())!, count));
        }

        Expression<Func<EventOutcome, int>>[] sums =
        [
            o => o.SupervisionOrders, o => o.SupervisionAnsweredOnTime, o => o.SupervisionAnsweredLate, o => o.SupervisionUnanswered, o => o.SupervisionConcluded,
        ];
        foreach (var sum in sums)
        {
            var property = typeof(Tally).GetProperty(((MemberExpression)sum.Body).Member.Name)!;
            bindings.Add(Expression.Bind(property, Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(EventOutcome)], g, sum)));
        }

        return Expression.Lambda<Func<IGrouping<Cell, EventOutcome>, Tally>>(Expression.MemberInit(Expression.New(typeof(Tally)), bindings), g);
    }
}

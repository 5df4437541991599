using System.Globalization;
using System.Linq.Expressions;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Indicators.Cells;
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

    private static readonly Expression<Func<IGrouping<Cell, UnitCell>, Tally>> Summing = BuildSumming();
    private static readonly Expression<Func<UnitCell, Cell>> ByMonth = c => new Cell { Category = c.CategoryId, Source = (int)c.Source, Place = c.PlaceId, Trend = c.Month };
    private static readonly Expression<Func<UnitCell, Cell>> ByWeek = c => new Cell { Category = c.CategoryId, Source = (int)c.Source, Place = c.PlaceId, Trend = c.Week };

    public async Task<IndicatorReport> ReportAsync(int? unitId, DateOnly? from, DateOnly? to, Caller caller, CancellationToken ct)
    {
        var filter = await FilterAsync(unitId, from, to, caller, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var split = PeriodSplit.Of(filter.From, filter.To, LocalTime.Today(clock));
        var cells = await CellsAsync(filter, split, ct);
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
            await StepTimesAsync(filter, split, ct),
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
    /// The counts of every cell (category × source × child place × week or month) of the period:
    /// the whole months from the stored cells in one GROUP BY, and the days at either end from the
    /// outcome rows, in one GROUP BY over the events reported in them and one over those closed in
    /// them. Each breakdown is then the sum of its cells.
    /// </summary>
    private async Task<List<Tally>> CellsAsync(IndicatorFilter filter, PeriodSplit split, CancellationToken ct)
    {
        var tallies = new List<Tally>();
        foreach (var (first, last) in split.Days)
        {
            tallies.AddRange(await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported, first, last)
                .GroupBy(filter.CellOf(Cohort.Reported))
                .Select(Counting)
                .ToListAsync(ct));
            tallies.AddRange(await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed, first, last)
                .Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate)
                .GroupBy(filter.CellOf(Cohort.Closed))
                .Select(g => new Tally { Cell = g.Key, ClosedInPeriod = g.Count() })
                .ToListAsync(ct));
        }

        if (split.Months.Count > 0)
        {
            var unit = filter.Unit.Unit.Id;
            var months = split.Months;
            // Both cohorts at once: a reported cell counts only reported figures and a closed one only ClosedInPeriod.
            tallies.AddRange(await db.UnitCells.AsNoTracking()
                .Where(c => c.UnitId == unit && months.Contains(c.Month))
                .GroupBy(filter.TrendByMonth ? ByMonth : ByWeek)
                .Select(Summing)
                .ToListAsync(ct));
        }

        return tallies;
    }

    /// <summary>
    /// The report-day figures of the filter's events by the places of one level under its unit (its
    /// grids, communities or streets), with the indicators' own predicates, as the dashboard's cells:
    /// a place unit's whole months from those places' own stored cells, any other days (and a
    /// department's events, which are not a place's) by one GROUP BY over the rows. Rows outside
    /// every place of that level are left out.
    /// </summary>
    public async Task<Dictionary<int, IndicatorFigures>> FiguresByAsync(IndicatorFilter filter, OrgUnitKind level, CancellationToken ct)
    {
        Expression<Func<EventOutcome, Cell>> byPlace = level switch
        {
            OrgUnitKind.Street => o => new Cell { Place = o.StreetId },
            OrgUnitKind.Community => o => new Cell { Place = o.CommunityId },
            OrgUnitKind.Grid => o => new Cell { Place = o.GridId },
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
        var split = filter.Unit.IsDepartment ? new PeriodSplit([], [(filter.From, filter.To)]) : PeriodSplit.Of(filter.From, filter.To, LocalTime.Today(clock));

        var tallies = new List<Tally>();
        foreach (var (first, last) in split.Days)
        {
            tallies.AddRange(await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported, first, last)
                .GroupBy(byPlace)
                .Select(Counting)
                .ToListAsync(ct));
        }

        if (split.Months.Count > 0)
        {
            var path = filter.Unit.Unit.Path;
            var months = split.Months;
            tallies.AddRange(await db.UnitCells.AsNoTracking()
                .Join(db.OrgUnits, c => c.UnitId, u => u.Id, (c, u) => new { Cell = c, u.Kind, u.Path })
                .Where(x => x.Kind == level && x.Path.StartsWith(path) && x.Cell.Cohort == Cohort.Reported && months.Contains(x.Cell.Month))
                .Select(x => x.Cell)
                .GroupBy(c => new Cell { Place = c.UnitId })
                .Select(Summing)
                .ToListAsync(ct));
        }

        return tallies.Where(t => t.Cell.Place is not null)
            .GroupBy(t => t.Cell.Place!.Value)
            .ToDictionary(g => g.Key, g => IndicatorFigures.Of(Tally.Sum(g)));
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
    /// through it, from how many events took about each number of minutes (<see cref="StepBuckets"/>):
    /// the whole months from the stored cells, the days at either end from one GROUP BY a step over
    /// the outcome rows, whose rows are bounded by the longest stay (weeks of minutes), not by the events.
    /// </summary>
    private async Task<List<StepTime>> StepTimesAsync(IndicatorFilter filter, PeriodSplit split, CancellationToken ct)
    {
        var histograms = OutcomeSteps.All.ToDictionary(s => s.Step, _ => new List<MinutesCount>());
        foreach (var (first, last) in split.Days)
        {
            var closed = filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed, first, last).Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate);
            foreach (var (step, minutes) in OutcomeSteps.All)
            {
                var counted = await closed.Select(minutes).Where(m => m != null)
                    .GroupBy(m => m!.Value)
                    .Select(g => new { Minutes = g.Key, Events = g.Count() })
                    .ToListAsync(ct);
                histograms[step].AddRange(counted.Select(c => new MinutesCount(StepBuckets.Of(c.Minutes), c.Events, (long)c.Minutes * c.Events)));
            }
        }

        if (split.Months.Count > 0)
        {
            var unit = filter.Unit.Unit.Id;
            var months = split.Months;
            var stored = await db.UnitSteps.AsNoTracking()
                .Where(s => s.UnitId == unit && months.Contains(s.Month))
                .GroupBy(s => new { s.Step, s.Bucket })
                .Select(g => new { g.Key.Step, g.Key.Bucket, Events = g.Sum(s => s.Events), Minutes = g.Sum(s => s.Minutes) })
                .ToListAsync(ct);
            foreach (var s in stored)
            {
                histograms[s.Step].Add(new MinutesCount(s.Bucket, s.Events, s.Minutes));
            }
        }

        return OutcomeSteps.All.Select(s =>
        {
            var (count, average, median) = Spread(histograms[s.Step]);
            return new StepTime(s.Step, text[$"Indicators.Step.{s.Step}"], count, average, median);
        }).ToList();
    }

    private sealed record MinutesCount(int Bucket, int Events, long Minutes);

    /// <summary>The events, the exact mean (to a tenth) and the median (the middle bucket, or the mean of the middle two) of a histogram.</summary>
    private static (int Count, double? Average, double? Median) Spread(List<MinutesCount> histogram)
    {
        var buckets = histogram.GroupBy(h => h.Bucket)
            .Select(g => new MinutesCount(g.Key, g.Sum(h => h.Events), g.Sum(h => h.Minutes)))
            .Where(h => h.Events > 0)
            .OrderBy(h => h.Bucket)
            .ToList();
        var count = buckets.Sum(h => h.Events);
        if (count == 0)
        {
            return (0, null, null);
        }

        double At(int index)
        {
            var seen = 0;
            foreach (var h in buckets)
            {
                seen += h.Events;
                if (index < seen)
                {
                    return StepBuckets.Middle(h.Bucket);
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var median = count % 2 == 1 ? At(count / 2) : (At(count / 2 - 1) + At(count / 2)) / 2.0;
        return (count, Math.Round((double)buckets.Sum(h => h.Minutes) / count, 1), median);
    }

    /// <summary>g => new Tally { Cell = g.Key, Received = g.Sum(c => c.Received), … } over every count of the stored cells.</summary>
    private static Expression<Func<IGrouping<Cell, UnitCell>, Tally>> BuildSumming()
    {
        var g = Expression.Parameter(typeof(IGrouping<Cell, UnitCell>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Cell))!, Expression.Property(g, nameof(IGrouping<Cell, UnitCell>.Key))) };
        foreach (var column in Counts.Columns)
        {
            var c = Expression.Parameter(typeof(UnitCell), "c");
            var selector = Expression.Lambda<Func<UnitCell, int>>(Expression.Property(c, column), c);
            bindings.Add(Expression.Bind(typeof(Tally).GetProperty(column.Name)!, Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(UnitCell)], g, selector)));
        }

        return Expression.Lambda<Func<IGrouping<Cell, UnitCell>, Tally>>(Expression.MemberInit(Expression.New(typeof(Tally)), bindings), g);
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

        foreach (var sum in IndicatorDefinition.OrderSums)
        {
            var property = typeof(Tally).GetProperty(((MemberExpression)sum.Body).Member.Name)!;
            bindings.Add(Expression.Bind(property, Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(EventOutcome)], g, sum)));
        }

        return Expression.Lambda<Func<IGrouping<Cell, EventOutcome>, Tally>>(Expression.MemberInit(Expression.New(typeof(Tally)), bindings), g);
    }
}

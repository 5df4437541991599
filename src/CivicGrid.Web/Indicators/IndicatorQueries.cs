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

    private static readonly Expression<Func<IGrouping<int?, EventOutcome>, Tally>> Counting = BuildCounting();

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
        var byCategory = await BreakdownAsync(filter, Breakdown.Category, ct);
        var catalogue = await categories.GetAsync(ct);
        var tree = await organisation.GetAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        return new IndicatorReport(
            new IndicatorUnitView(filter.Unit.Unit.Id, filter.Unit.Unit.Name, filter.Unit.Unit.Kind),
            filter.From,
            filter.To,
            filter.TrendByMonth ? "month" : "week",
            IndicatorFigures.Of(Tally.Sum(byCategory)),
            await filter.OverdueNow(db.Events.AsNoTracking(), now).CountAsync(ct),
            await StepTimesAsync(filter, ct),
            Rows(byCategory, key => catalogue.Find(key) is { } c ? (english ? c.NameEn : c.PlainName) : "—"),
            Rows(await BreakdownAsync(filter, Breakdown.Source, ct), key => text[$"EventSource.{(EventSource)key!.Value}"]),
            filter.Unit.ChildPlace() is null ? [] : Rows(await BreakdownAsync(filter, Breakdown.Place, ct), key => tree.NameOf(key) ?? text["Indicators.Unplaced"]),
            Rows(await BreakdownAsync(filter, Breakdown.Trend, ct), key => TrendLabel(key!.Value, filter.TrendByMonth)),
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

    /// <summary>The report-day counts and the close-day counts of each row of a breakdown, in one GROUP BY each.</summary>
    private async Task<List<Tally>> BreakdownAsync(IndicatorFilter filter, Breakdown by, CancellationToken ct)
    {
        var reported = await TallyAsync(filter, filter.KeyOf(by, Cohort.Reported)!, ct);
        var closed = await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed)
            .Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate)
            .GroupBy(filter.KeyOf(by, Cohort.Closed)!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key ?? int.MinValue, g => g.Count, ct);

        var rows = reported.ToDictionary(t => t.Key ?? int.MinValue);
        foreach (var (key, count) in closed)
        {
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = new Tally { Key = key == int.MinValue ? null : key };
            }

            row.ClosedInPeriod = count;
        }

        return [.. rows.Values.OrderBy(t => t.Key ?? int.MaxValue)];
    }

    /// <summary>The report-day counts of the filter's events grouped by any key (a grid, a street…), in one GROUP BY with the indicators' own predicates.</summary>
    public Task<List<Tally>> TallyAsync(IndicatorFilter filter, Expression<Func<EventOutcome, int?>> key, CancellationToken ct) =>
        filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported)
            .GroupBy(key)
            .Select(Counting)
            .ToListAsync(ct);

    private static List<IndicatorRow> Rows(List<Tally> tallies, Func<int?, string> label) =>
        tallies.Select(t => new IndicatorRow(t.Key, label(t.Key), IndicatorFigures.Of(t))).ToList();

    private static string TrendLabel(int key, bool byMonth) =>
        byMonth
            ? $"{key / 100:D4}-{key % 100:D2}"
            : new DateOnly(key / 10000, key / 100 % 100, key % 100).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Average and median minutes of each step over the events closed in the period that went
    /// through it. The median is the middle value (or the mean of the middle two) read with
    /// ORDER BY … OFFSET, which both databases run the same way over the close-day index.
    /// </summary>
    private async Task<List<StepTime>> StepTimesAsync(IndicatorFilter filter, CancellationToken ct)
    {
        var closed = filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Closed).Where(IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate);
        var times = new List<StepTime>();
        foreach (var (step, minutes) in Steps)
        {
            var values = closed.Select(minutes).Where(m => m != null).Select(m => m!.Value);
            var count = await values.CountAsync(ct);
            double? average = count == 0 ? null : Math.Round(await values.AverageAsync(m => (double)m, ct), 1);
            double? median = count == 0
                ? null
                : (await values.OrderBy(m => m).Skip((count - 1) / 2).Take(count % 2 == 0 ? 2 : 1).ToListAsync(ct)).Average();
            times.Add(new StepTime(step, text[$"Indicators.Step.{step}"], count, average, median));
        }

        return times;
    }

    /// <summary>g => new Tally { Key = g.Key, Received = g.Count(), Accepted = g.Count(accepted), … }, from the indicators' own predicates.</summary>
    private static Expression<Func<IGrouping<int?, EventOutcome>, Tally>> BuildCounting()
    {
        var g = Expression.Parameter(typeof(IGrouping<int?, EventOutcome>), "g");
        var bindings = new List<MemberBinding> { Expression.Bind(typeof(Tally).GetProperty(nameof(Tally.Key))!, Expression.Property(g, nameof(IGrouping<int?, EventOutcome>.Key))) };
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

        return Expression.Lambda<Func<IGrouping<int?, EventOutcome>, Tally>>(Expression.MemberInit(Expression.New(typeof(Tally)), bindings), g);
    }
}

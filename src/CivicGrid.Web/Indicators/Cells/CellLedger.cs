using System.Linq.Expressions;
using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Database;

namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// Sums in memory what outcome rows add to the stored cells. A row counts once for every unit it
/// belongs to (each place on its path, and its lead department), in its reported month and, once
/// closed, in its closed month, with the indicators' own predicates. A save adds its rows as they
/// were with −1 and as they are with +1, so it stores only the difference; the rebuild adds every
/// row once; compaction adds stored rows to fold them.
/// </summary>
public sealed class CellLedger
{
    private static readonly Action<Counts, int>[] Setters = Counts.Columns.Select(Setter).ToArray();
    private static readonly Func<Counts, int>[] Getters = Counts.Columns.Select(Getter).ToArray();

    private static readonly (int Column, Func<EventOutcome, bool> Counts)[] Reported = IndicatorDefinition.OfReportedCohort
        .Select(d => (Column(d.Indicator.ToString()), d.Predicate.Compile())).ToArray();

    private static readonly (int Column, Func<EventOutcome, int> Sum)[] OrderSums = IndicatorDefinition.OrderSums
        .Select(s => (Column(((MemberExpression)s.Body).Member.Name), s.Compile())).ToArray();

    private static readonly Func<EventOutcome, bool> ClosedCounts = IndicatorDefinition.For(Indicator.ClosedInPeriod)!.Predicate.Compile();
    private static readonly int ClosedColumn = Column(nameof(Counts.ClosedInPeriod));

    private static readonly (EventStep Step, Func<EventOutcome, int?> Minutes)[] StepMinutes =
        OutcomeSteps.All.Select(s => (s.Step, s.Minutes.Compile())).ToArray();

    private readonly Dictionary<CellKey, int[]> _cells = [];
    private readonly Dictionary<StepKey, (int Events, long Minutes)> _steps = [];
    private readonly Dictionary<SquareKey, int> _squares = [];

    public void Add(EventOutcome row, int sign)
    {
        if (row.Excluded)
        {
            return;
        }

        foreach (var unit in UnitsOf(row))
        {
            var place = ChildPlace(row, unit);
            var counts = CountsOf(new CellKey(unit, Cohort.Reported, row.ReportedMonth, row.ReportedWeek, row.CategoryId, row.Source, place));
            foreach (var (column, counted) in Reported)
            {
                counts[column] += counted(row) ? sign : 0;
            }

            foreach (var (column, sum) in OrderSums)
            {
                counts[column] += sign * sum(row);
            }

            AddSquare(new SquareKey(unit, row.ReportedMonth, row.LatitudeSquare, row.LongitudeSquare), sign);

            if (row is { ClosedMonth: { } month, ClosedWeek: { } week } && ClosedCounts(row))
            {
                CountsOf(new CellKey(unit, Cohort.Closed, month, week, row.CategoryId, row.Source, place))[ClosedColumn] += sign;
                foreach (var (step, minutes) in StepMinutes)
                {
                    if (minutes(row) is { } m)
                    {
                        AddStep(new StepKey(unit, month, step, StepBuckets.Of(m)), sign, sign * (long)m);
                    }
                }
            }
        }
    }

    public void Add(UnitCell cell)
    {
        var counts = CountsOf(new CellKey(cell.UnitId, cell.Cohort, cell.Month, cell.Week, cell.CategoryId, cell.Source, cell.PlaceId));
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += Getters[i](cell);
        }
    }

    public void Add(UnitStep step) => AddStep(new StepKey(step.UnitId, step.Month, step.Step, step.Bucket), step.Events, step.Minutes);

    public void Add(UnitSquare square) => AddSquare(new SquareKey(square.UnitId, square.Month, square.Latitude, square.Longitude), square.Events);

    /// <summary>The summed cells; a key whose rows cancel out has none.</summary>
    public IEnumerable<UnitCell> Cells()
    {
        foreach (var (key, counts) in _cells)
        {
            if (counts.All(c => c == 0))
            {
                continue;
            }

            var cell = new UnitCell
            {
                UnitId = key.UnitId,
                Cohort = key.Cohort,
                Month = key.Month,
                Week = key.Week,
                CategoryId = key.CategoryId,
                Source = key.Source,
                PlaceId = key.PlaceId,
            };
            for (var i = 0; i < counts.Length; i++)
            {
                Setters[i](cell, counts[i]);
            }

            yield return cell;
        }
    }

    public IEnumerable<UnitStep> Steps() =>
        _steps.Where(s => s.Value != default).Select(s => new UnitStep
        {
            UnitId = s.Key.UnitId,
            Month = s.Key.Month,
            Step = s.Key.Step,
            Bucket = s.Key.Bucket,
            Events = s.Value.Events,
            Minutes = s.Value.Minutes,
        });

    public IEnumerable<UnitSquare> Squares() =>
        _squares.Where(s => s.Value != 0).Select(s => new UnitSquare
        {
            UnitId = s.Key.UnitId,
            Month = s.Key.Month,
            Latitude = s.Key.Latitude,
            Longitude = s.Key.Longitude,
            Events = s.Value,
        });

    /// <summary>Adds the summed rows to the context, for its next save.</summary>
    public void WriteTo(CivicGridDb db)
    {
        db.UnitCells.AddRange(Cells());
        db.UnitSteps.AddRange(Steps());
        db.UnitSquares.AddRange(Squares());
    }

    /// <summary>The units whose figures count a row: the places on its path (ids from the root) and the department that led it.</summary>
    private static IEnumerable<int> UnitsOf(EventOutcome row)
    {
        foreach (var id in row.PlacePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (row.LeadDepartmentId is { } department)
        {
            yield return department;
        }
    }

    /// <summary>The row's place one level below the unit, as <see cref="IndicatorUnit.ChildPlace"/> picks it for the unit's kind.</summary>
    private static int? ChildPlace(EventOutcome row, int unit) =>
        unit == row.GridId ? null
        : unit == row.CommunityId ? row.GridId
        : unit == row.StreetId ? row.CommunityId
        : row.StreetId;

    private int[] CountsOf(CellKey key)
    {
        if (!_cells.TryGetValue(key, out var counts))
        {
            _cells[key] = counts = new int[Setters.Length];
        }

        return counts;
    }

    private void AddStep(StepKey key, int events, long minutes)
    {
        var (e, m) = _steps.GetValueOrDefault(key);
        _steps[key] = (e + events, m + minutes);
    }

    private void AddSquare(SquareKey key, int events) => _squares[key] = _squares.GetValueOrDefault(key) + events;

    private static int Column(string name) =>
        Counts.Columns.Select((p, i) => (p, i)).Single(c => c.p.Name == name).i;

    private static Action<Counts, int> Setter(System.Reflection.PropertyInfo property)
    {
        var counts = Expression.Parameter(typeof(Counts));
        var value = Expression.Parameter(typeof(int));
        return Expression.Lambda<Action<Counts, int>>(Expression.Assign(Expression.Property(counts, property), value), counts, value).Compile();
    }

    private static Func<Counts, int> Getter(System.Reflection.PropertyInfo property)
    {
        var counts = Expression.Parameter(typeof(Counts));
        return Expression.Lambda<Func<Counts, int>>(Expression.Property(counts, property), counts).Compile();
    }

    private readonly record struct CellKey(int UnitId, Cohort Cohort, int Month, int Week, int CategoryId, EventSource Source, int? PlaceId);

    private readonly record struct StepKey(int UnitId, int Month, EventStep Step, int Bucket);

    private readonly record struct SquareKey(int UnitId, int Month, int Latitude, int Longitude);
}

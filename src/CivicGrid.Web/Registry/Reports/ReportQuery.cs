using System.Linq.Expressions;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// A report's columns as database queries: the current residences (or rooms) of the unit's grids
/// on the day, flattened, filtered, grouped by the row dimension and counted distinctly, so a
/// person living in two places of one row counts once there.
/// </summary>
internal sealed class ReportQuery(CivicGridDb db, IReadOnlyList<int> gridIds, DateOnly day)
{
    /// <summary>Age bands of the age dimension, by their lower bounds in whole years.</summary>
    public static readonly IReadOnlyList<int> AgeBands = [0, 7, 18, 35, 60, 70, 80];

    /// <summary>Tags count from the moment they were set until the end of the day (Beijing).</summary>
    private readonly DateTime _endOfDay = LocalTime.StartOfDayUtc(day.AddDays(1));

    /// <summary>
    /// Every column's counts by row value and its total, one query per source for the rows and one
    /// for the totals: a column is a conditional COUNT(DISTINCT CASE WHEN … THEN id END), so the
    /// database reads the unit's residences once for all the columns rather than twice for each.
    /// </summary>
    public async Task<IReadOnlyList<ColumnCounts>> CountAsync(ReportRows rows, IReadOnlyList<ReportColumn> columns, ReportFilter? templateFilter, CancellationToken ct)
    {
        var counts = new ColumnCounts[columns.Count];
        // Columns that count rooms alone read the rooms, empty ones included; the others read residences.
        foreach (var group in Enumerable.Range(0, columns.Count).GroupBy(c => RoomsAlone(rows, columns[c], templateFilter)))
        {
            var indices = group.ToList();
            var source = Filter(group.Key ? Rooms() : Residences(), templateFilter);
            var selected = indices.Select(c => (Id: Id(columns[c].Count), Condition: Condition(columns[c].Filter))).ToList();
            // What meets no column's conditions counts nowhere: the database drops it first. When every
            // column asks for tags, one IN over all their tags is the cheaper test (a semi-join).
            if (indices.All(c => columns[c].Filter?.CareTagIds is { Count: > 0 }))
            {
                source = source.Where(Tagged(indices.SelectMany(c => columns[c].Filter!.CareTagIds!).Distinct().ToList()));
            }
            else if (selected.All(c => c.Condition is not null))
            {
                source = source.Where(Combine(selected.Select(c => c.Condition!).ToList(), Expression.OrElse));
            }

            var totals = await source.GroupBy(f => 1).Select(Counted<int>(selected, constantKey: true)).SingleOrDefaultAsync(ct);
            var byRow = rows == ReportRows.None
                ? []
                : await (rows == ReportRows.CareTag ? WithTags(source) : source).GroupBy(Key(rows)).Select(Counted<int?>(selected, constantKey: false)).ToListAsync(ct);
            for (var i = 0; i < indices.Count; i++)
            {
                counts[indices[i]] = new ColumnCounts(
                    byRow.Where(r => r.Key is not null && r.Counts[i] > 0).ToDictionary(r => r.Key!.Value, r => r.Counts[i]),
                    totals?.Counts[i] ?? 0);
            }
        }

        return counts;
    }

    private static bool RoomsAlone(ReportRows rows, ReportColumn column, ReportFilter? templateFilter) =>
        column.Count == ReportCount.Rooms
        && templateFilter?.IsAboutPersons != true && column.Filter?.IsAboutPersons != true
        && rows is ReportRows.None or ReportRows.Community or ReportRows.Grid or ReportRows.Building or ReportRows.RoomUse;

    /// <summary>
    /// g =&gt; new Counted { Key = g.Key, Counts = new[] { g.Where(condition).Select(id).Distinct().Count(), … } },
    /// which EF Core turns into one grouped SELECT with a COUNT(DISTINCT CASE …) per column.
    /// </summary>
    private static Expression<Func<IGrouping<TKey, Flat>, Counted>> Counted<TKey>(
        IReadOnlyList<(Expression<Func<Flat, long>> Id, Expression<Func<Flat, bool>>? Condition)> columns, bool constantKey)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, Flat>), "g");
        var aggregates = columns.Select(column =>
        {
            Expression items = column.Condition is null ? g : Expression.Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(Flat)], g, column.Condition);
            var ids = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [typeof(Flat), typeof(long)], items, column.Id);
            var distinct = Expression.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [typeof(long)], ids);
            return (Expression)Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(long)], distinct);
        });
        Expression key = constantKey ? Expression.Constant(null, typeof(int?)) : Expression.Property(g, nameof(IGrouping<TKey, Flat>.Key));
        var body = Expression.MemberInit(
            Expression.New(typeof(Counted)),
            Expression.Bind(typeof(Counted).GetProperty(nameof(Reports.Counted.Key))!, key),
            Expression.Bind(typeof(Counted).GetProperty(nameof(Reports.Counted.Counts))!, Expression.NewArrayInit(typeof(int), aggregates)));
        return Expression.Lambda<Func<IGrouping<TKey, Flat>, Counted>>(body, g);
    }

    /// <summary>A person's residences once for each tag they carried on the day, for rows by tag.</summary>
    private IQueryable<Flat> WithTags(IQueryable<Flat> source) =>
        source.Join(
            db.PersonCareTags.Where(t => t.TaggedAt < _endOfDay),
            f => f.PersonId,
            t => t.PersonId,
            (f, t) => new Flat
            {
                PersonId = f.PersonId,
                HouseholdId = f.HouseholdId,
                RoomId = f.RoomId,
                BuildingId = f.BuildingId,
                GridId = f.GridId,
                CommunityId = f.CommunityId,
                Type = f.Type,
                Use = f.Use,
                Sex = f.Sex,
                BirthDate = f.BirthDate,
                TagId = t.CareTagId,
            });

    private IQueryable<Flat> Residences() =>
        from r in db.Residences
        join h in db.Households on r.HouseholdId equals h.Id
        join room in db.Rooms on h.RoomId equals room.Id
        join b in db.Buildings on room.BuildingId equals b.Id
        join g in db.OrgUnits on b.GridId equals g.Id
        join p in db.Persons on r.PersonId equals p.Id
        where gridIds.Contains(b.GridId)
            && (r.MovedInOn == null || r.MovedInOn <= day)
            && (r.MovedOutOn == null || r.MovedOutOn > day)
        select new Flat
        {
            PersonId = r.PersonId,
            HouseholdId = r.HouseholdId,
            RoomId = h.RoomId,
            BuildingId = b.Id,
            GridId = b.GridId,
            CommunityId = g.ParentId,
            Type = r.Type,
            Use = room.Use,
            Sex = p.Sex,
            BirthDate = p.BirthDate,
        };

    /// <summary>Rooms whether anyone lives in them or not: an empty rented room is still a rented room.</summary>
    private IQueryable<Flat> Rooms() =>
        from room in db.Rooms
        join b in db.Buildings on room.BuildingId equals b.Id
        join g in db.OrgUnits on b.GridId equals g.Id
        where gridIds.Contains(b.GridId) && room.CreatedAt < _endOfDay
        select new Flat
        {
            RoomId = room.Id,
            BuildingId = b.Id,
            GridId = b.GridId,
            CommunityId = g.ParentId,
            Use = room.Use,
        };

    private IQueryable<Flat> Filter(IQueryable<Flat> source, ReportFilter? filter) =>
        Condition(filter) is { } condition ? source.Where(condition) : source;

    /// <summary>Every condition of the filter as one predicate, or null when it has none.</summary>
    private Expression<Func<Flat, bool>>? Condition(ReportFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var conditions = new List<Expression<Func<Flat, bool>>>();
        if (filter.ResidenceTypes is { Count: > 0 } types)
        {
            conditions.Add(f => types.Contains(f.Type));
        }

        if (filter.Sex is { } sex)
        {
            conditions.Add(f => f.Sex == sex);
        }

        // Age n or more on the day means born on or before the day n years earlier.
        if (filter.MinAge is { } min)
        {
            var bornBy = day.AddYears(-min);
            conditions.Add(f => f.BirthDate <= bornBy);
        }

        if (filter.MaxAge is { } max)
        {
            var bornAfter = day.AddYears(-(max + 1));
            conditions.Add(f => f.BirthDate > bornAfter);
        }

        if (filter.CareTagIds is { Count: > 0 } tags)
        {
            conditions.Add(Tagged(tags));
        }

        if (filter.RoomUses is { Count: > 0 } uses)
        {
            conditions.Add(f => uses.Contains(f.Use));
        }

        return conditions.Count == 0 ? null : Combine(conditions, Expression.AndAlso);
    }

    /// <summary>Carried one of the tags on the day; not correlated, so the database finds the tagged persons once, not once a residence.</summary>
    private Expression<Func<Flat, bool>> Tagged(IReadOnlyList<int> tags)
    {
        var tagged = db.PersonCareTags.Where(t => tags.Contains(t.CareTagId) && t.TaggedAt < _endOfDay).Select(t => t.PersonId);
        return f => tagged.Contains(f.PersonId);
    }

    private static Expression<Func<Flat, bool>> Combine(IReadOnlyList<Expression<Func<Flat, bool>>> conditions, Func<Expression, Expression, BinaryExpression> join)
    {
        var flat = conditions[0].Parameters[0];
        var body = conditions.Skip(1).Aggregate(conditions[0].Body, (all, next) => join(all, ReplacingExpressionVisitor.Replace(next.Parameters[0], flat, next.Body)));
        return Expression.Lambda<Func<Flat, bool>>(body, flat);
    }

    private static Expression<Func<Flat, long>> Id(ReportCount count) => count switch
    {
        ReportCount.Households => f => f.HouseholdId,
        ReportCount.Rooms => f => f.RoomId,
        _ => f => f.PersonId,
    };

    private Expression<Func<Flat, int?>> Key(ReportRows rows) => rows switch
    {
        ReportRows.Community => f => f.CommunityId,
        ReportRows.Grid => f => f.GridId,
        ReportRows.Building => f => f.BuildingId,
        ReportRows.ResidenceType => f => (int)f.Type,
        ReportRows.Sex => f => (int?)f.Sex,
        ReportRows.RoomUse => f => (int)f.Use,
        ReportRows.CareTag => f => f.TagId,
        ReportRows.AgeBand => AgeBandKey(),
        _ => throw new ArgumentOutOfRangeException(nameof(rows)),
    };

    /// <summary>The index of the person's age band on the day, as one CASE the database evaluates.</summary>
    private Expression<Func<Flat, int?>> AgeBandKey()
    {
        var f = Expression.Parameter(typeof(Flat), "f");
        var birth = Expression.Property(f, nameof(Flat.BirthDate));
        Expression key = Expression.Constant(AgeBands.Count - 1, typeof(int?));
        for (var band = AgeBands.Count - 2; band >= 0; band--)
        {
            // Younger than the next band's bound: born after the day that many years back.
            var bornAfter = Expression.Constant(day.AddYears(-AgeBands[band + 1]), typeof(DateOnly?));
            key = Expression.Condition(Expression.GreaterThan(birth, bornAfter), Expression.Constant(band, typeof(int?)), key);
        }

        key = Expression.Condition(Expression.Equal(birth, Expression.Constant(null, typeof(DateOnly?))), Expression.Constant(null, typeof(int?)), key);
        return Expression.Lambda<Func<Flat, int?>>(key, f);
    }

    /// <summary>A residence (or a room) with everything a report filters and groups by.</summary>
    internal sealed class Flat
    {
        public long PersonId { get; init; }
        public long HouseholdId { get; init; }
        public long RoomId { get; init; }
        public int BuildingId { get; init; }
        public int GridId { get; init; }
        public int? CommunityId { get; init; }
        public ResidenceType Type { get; init; }
        public RoomUse Use { get; init; }
        public Sex? Sex { get; init; }
        public DateOnly? BirthDate { get; init; }
        public int? TagId { get; init; }
    }
}

/// <summary>A column's count for each row value that has any, and its total (each person, household or room once).</summary>
internal sealed record ColumnCounts(Dictionary<int, int> ByRow, int Total);

/// <summary>One row value's counts, a column each, as the grouped query returns them.</summary>
internal sealed class Counted
{
    public int? Key { get; init; }
    public required int[] Counts { get; init; }
}

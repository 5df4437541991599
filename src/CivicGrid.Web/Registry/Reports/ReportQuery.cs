using System.Linq.Expressions;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Registry.CitizenIds;
using CivicGrid.Web.Registry.Housing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// One counted column of a report as database queries: the current residences (or rooms) of the
/// unit's grids on the day, flattened, filtered, grouped by the row dimension and counted
/// distinctly, so a person living in two places of one row counts once there.
/// </summary>
internal sealed class ReportQuery(CivicGridDb db, IReadOnlyList<int> gridIds, DateOnly day)
{
    /// <summary>Age bands of the age dimension, by their lower bounds in whole years.</summary>
    public static readonly IReadOnlyList<int> AgeBands = [0, 7, 18, 35, 60, 70, 80];

    /// <summary>Tags count from the moment they were set until the end of the day (Beijing).</summary>
    private readonly DateTime _endOfDay = LocalTime.StartOfDayUtc(day.AddDays(1));

    public async Task<(Dictionary<int, int> ByRow, int Total)> CountAsync(ReportRows rows, ReportColumn column, ReportFilter? templateFilter, CancellationToken ct)
    {
        var roomsAlone = column.Count == ReportCount.Rooms
            && templateFilter?.IsAboutPersons != true && column.Filter?.IsAboutPersons != true
            && rows is ReportRows.None or ReportRows.Community or ReportRows.Grid or ReportRows.Building or ReportRows.RoomUse;
        var source = Filter(Filter(roomsAlone ? Rooms() : Residences(), templateFilter), column.Filter);
        var id = Id(column.Count);
        var total = await source.Select(id).Distinct().CountAsync(ct);
        if (rows == ReportRows.None)
        {
            return ([], total);
        }

        if (rows == ReportRows.CareTag)
        {
            source = source.Join(
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
        }

        var counts = await source
            .GroupBy(Key(rows), id)
            .Select(g => new { g.Key, Count = g.Distinct().Count() })
            .ToListAsync(ct);
        return (counts.Where(c => c.Key is not null).ToDictionary(c => c.Key!.Value, c => c.Count), total);
    }

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

    private IQueryable<Flat> Filter(IQueryable<Flat> source, ReportFilter? filter)
    {
        if (filter is null)
        {
            return source;
        }

        if (filter.ResidenceTypes is { Count: > 0 } types)
        {
            source = source.Where(f => types.Contains(f.Type));
        }

        if (filter.Sex is { } sex)
        {
            source = source.Where(f => f.Sex == sex);
        }

        // Age n or more on the day means born on or before the day n years earlier.
        if (filter.MinAge is { } min)
        {
            var bornBy = day.AddYears(-min);
            source = source.Where(f => f.BirthDate <= bornBy);
        }

        if (filter.MaxAge is { } max)
        {
            var bornAfter = day.AddYears(-(max + 1));
            source = source.Where(f => f.BirthDate > bornAfter);
        }

        if (filter.CareTagIds is { Count: > 0 } tags)
        {
            source = source.Where(f => db.PersonCareTags.Any(t => t.PersonId == f.PersonId && tags.Contains(t.CareTagId) && t.TaggedAt < _endOfDay));
        }

        if (filter.RoomUses is { Count: > 0 } uses)
        {
            source = source.Where(f => uses.Contains(f.Use));
        }

        return source;
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

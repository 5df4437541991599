using CivicGrid.Web.Identity;
using CivicGrid.Web.Indicators.Cells;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// A unit's indicators on a map for a period: each grid of the unit with the counts of its events
/// reported in the period (the dashboard's by-place figures, counted the same way), its boundary
/// (GeoJSON, WGS-84; null when none was imported), and where the events were reported, as counts
/// per cell of about 100 m.
/// </summary>
public sealed record IndicatorMapData(IndicatorUnitView Unit, DateOnly From, DateOnly To, IReadOnlyList<IndicatorMapGrid> Grids, IReadOnlyList<HeatCell> Heat, DateTime CountedAt);

/// <summary>One grid: <see cref="OnTimeRate"/> is closed on time of closed, null when none closed.</summary>
public sealed record IndicatorMapGrid(int Id, string Name, int? CommunityId, string? CommunityName, int Received, int Closed, int ClosedOnTime, double? OnTimeRate, Geometry? Area);

/// <summary>The events reported in one cell, placed at the cell's centre (WGS-84).</summary>
public sealed record HeatCell(double Lat, double Lng, int Count);

public sealed class IndicatorMap(CivicGridDb db, IndicatorQueries indicators, ReferenceSnapshot<OrganisationTree> organisation, TimeProvider clock)
{
    /// <summary>Cells of a thousandth of a degree: about 110 m north–south and 100 m east–west at Zhangzhou's latitude.</summary>
    public const int CellsPerDegree = 1000;

    public async Task<IndicatorMapData> MapAsync(int? unitId, DateOnly? from, DateOnly? to, Caller caller, CancellationToken ct)
    {
        var filter = await indicators.FilterAsync(unitId, from, to, caller, ct);
        var tallies = await indicators.FiguresByAsync(filter, OrgUnitKind.Grid, ct);
        var tree = await organisation.GetAsync(ct);
        var unit = filter.Unit.Unit;
        // The unit's grids, and any other grid its events stand in (a retired grid, or a department's events).
        var grids = tree.Units
            .Where(u => u.Kind == OrgUnitKind.Grid && (u.IsActive && u.Path.StartsWith(unit.Path, StringComparison.Ordinal) || tallies.ContainsKey(u.Id)))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var ids = grids.Select(g => g.Id).ToList();
        var areas = await db.GridBoundaries.AsNoTracking()
            .Where(b => ids.Contains(b.GridId))
            .Select(b => new { b.GridId, b.Area })
            .ToDictionaryAsync(b => b.GridId, b => b.Area, ct);

        var rows = grids.Select(g =>
        {
            var figures = tallies.GetValueOrDefault(g.Id);
            var community = tree.Find(g.ParentId);
            return new IndicatorMapGrid(
                g.Id, g.Name, community?.Id, community?.Name,
                figures?.Received ?? 0, figures?.Closed ?? 0, figures?.ClosedOnTime ?? 0, figures?.OnTimeRate,
                areas.GetValueOrDefault(g.Id));
        }).ToList();

        return new IndicatorMapData(
            new IndicatorUnitView(unit.Id, unit.Name, unit.Kind), filter.From, filter.To, rows, await HeatAsync(filter, ct), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The square of the heat map a latitude or longitude falls in.</summary>
    public static int Square(double degrees) => (int)Math.Round(degrees * CellsPerDegree);

    /// <summary>
    /// The events reported in the period counted per square: the whole months from the unit's
    /// stored counts per square (<see cref="UnitSquare"/>), the days at either end grouped from the
    /// rows, so a district's year comes back as a few thousand squares, not a million points.
    /// </summary>
    private async Task<List<HeatCell>> HeatAsync(IndicatorFilter filter, CancellationToken ct)
    {
        var split = PeriodSplit.Of(filter.From, filter.To, LocalTime.Today(clock));
        var squares = new List<(int Latitude, int Longitude, int Events)>();
        foreach (var (first, last) in split.Days)
        {
            var counted = await filter.Cohort(db.EventOutcomes.AsNoTracking(), Cohort.Reported, first, last)
                .GroupBy(o => new { o.LatitudeSquare, o.LongitudeSquare })
                .Select(g => new { g.Key.LatitudeSquare, g.Key.LongitudeSquare, Events = g.Count() })
                .ToListAsync(ct);
            squares.AddRange(counted.Select(c => (c.LatitudeSquare, c.LongitudeSquare, c.Events)));
        }

        if (split.Months.Count > 0)
        {
            var unit = filter.Unit.Unit.Id;
            var months = split.Months;
            var stored = await db.UnitSquares.AsNoTracking()
                .Where(s => s.UnitId == unit && months.Contains(s.Month))
                .GroupBy(s => new { s.Latitude, s.Longitude })
                .Select(g => new { g.Key.Latitude, g.Key.Longitude, Events = g.Sum(s => s.Events) })
                .ToListAsync(ct);
            squares.AddRange(stored.Select(s => (s.Latitude, s.Longitude, s.Events)));
        }

        return squares
            .GroupBy(s => (s.Latitude, s.Longitude))
            .Select(g => new HeatCell((double)g.Key.Latitude / CellsPerDegree, (double)g.Key.Longitude / CellsPerDegree, g.Sum(s => s.Events)))
            .Where(c => c.Count > 0)
            .OrderBy(c => c.Lat).ThenBy(c => c.Lng)
            .ToList();
    }
}

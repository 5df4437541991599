using System.Linq.Expressions;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Indicators;

/// <summary>The level of units a ranking compares.</summary>
public enum RankingLevel
{
    Street = 1,
    Community = 2,
}

/// <summary>Whether the caller's district ranks its units, and who last said so.</summary>
public sealed record RankingSettingsView(int DistrictId, string DistrictName, bool RankingEnabled, DateTime? UpdatedAt);

public sealed record RankingSettingsRequest(bool RankingEnabled);

/// <summary>
/// The units below the caller's place ranked by outcome (see <see cref="UnitRanking"/>);
/// <see cref="TooFew"/> closed fewer than <see cref="MinClosed"/> events and are not ranked.
/// </summary>
public sealed record RankingResult(IndicatorUnitView Place, RankingLevel Level, DateOnly From, DateOnly To, int MinClosed, IReadOnlyList<RankedUnit> Ranked, IReadOnlyList<RankedUnit> TooFew, DateTime CountedAt);

/// <summary>One unit's place in the ranking (null among the too few) and the figures it was ranked by.</summary>
public sealed record RankedUnit(int? Rank, int UnitId, string Name, int Received, int Closed, int ClosedOnTime, double? OnTimeRate, int Rated, double? SatisfactionRate, double? ClosureRate);

/// <summary>
/// A ranking of units by outcome indicators only (never logins, check-ins or how many reports
/// anyone filed), which exists only where the district's administrator turned it on. Over the
/// events reported in the period (docs/indicators.md): first the on-time closure rate, then the
/// satisfaction rate from ratings (a unit with no ratings after those with some), then the closure
/// rate; equal on all three, equal rank. A unit with fewer than <see cref="MinClosed"/> closed
/// events is listed apart: a rate of one or two events says nothing.
/// </summary>
public sealed class UnitRanking(CivicGridDb db, IndicatorQueries indicators, ReferenceSnapshot<OrganisationTree> organisation, TimeProvider clock)
{
    public const int MinClosed = 5;

    public async Task<bool> IsEnabledAsync(Caller caller, CancellationToken ct)
    {
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath).Id;
        return await db.IndicatorSettings.AsNoTracking().Where(s => s.DistrictId == district).Select(s => s.RankingEnabled).SingleOrDefaultAsync(ct);
    }

    public async Task<RankingSettingsView> SettingsAsync(Caller caller, CancellationToken ct)
    {
        var district = await AdministeredDistrictAsync(caller, ct);
        var row = await db.IndicatorSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DistrictId == district.Id, ct);
        return new RankingSettingsView(district.Id, district.Name, row?.RankingEnabled ?? false, row?.UpdatedAt);
    }

    public async Task<RankingSettingsView> SetAsync(RankingSettingsRequest request, Caller caller, CancellationToken ct)
    {
        var district = await AdministeredDistrictAsync(caller, ct);
        var row = await db.IndicatorSettings.SingleOrDefaultAsync(s => s.DistrictId == district.Id, ct);
        if (row is null)
        {
            row = new IndicatorSettings { DistrictId = district.Id };
            db.IndicatorSettings.Add(row);
        }

        row.RankingEnabled = request.RankingEnabled;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = caller.UserId;
        await db.SaveChangesAsync(ct);
        return new RankingSettingsView(district.Id, district.Name, row.RankingEnabled, row.UpdatedAt);
    }

    /// <summary>The ranking of the units at <paramref name="level"/> (default: the level below the caller's place); 404 while it is off.</summary>
    public async Task<RankingResult> RankAsync(string? level, DateOnly? from, DateOnly? to, Caller caller, CancellationToken ct)
    {
        if (!await IsEnabledAsync(caller, ct))
        {
            throw DomainException.NotFound("Indicators.Ranking.NotEnabled");
        }

        var filter = await indicators.FilterAsync(null, from, to, caller, ct);
        var place = filter.Unit.Unit;
        var chosen = level is null ? Below(place.Kind) : Parse(level);
        new Validation()
            .Require(!filter.Unit.IsDepartment, "unitId", "Indicators.Ranking.PlacesOnly")
            .Require(level is null || chosen is not null, "level", "Indicators.Ranking.UnknownLevel")
            .Require(chosen is not { } l || IsBelow(l, place.Kind), "level", "Indicators.Ranking.LevelNotBelow")
            .Require(level is not null || chosen is not null, "level", "Indicators.Ranking.NothingBelow")
            .ThrowIfInvalid();

        var kind = chosen!.Value == RankingLevel.Street ? OrgUnitKind.Street : OrgUnitKind.Community;
        var figures = await indicators.FiguresByAsync(filter, kind, ct);
        var tree = await organisation.GetAsync(ct);
        var units = tree.Units
            .Where(u => u.Kind == kind && u.Path.StartsWith(place.Path, StringComparison.Ordinal) && (u.IsActive || figures.ContainsKey(u.Id)))
            .Select(u => (Unit: u, Figures: figures.GetValueOrDefault(u.Id)))
            .ToList();

        var ranked = units.Where(u => u.Figures?.Closed >= MinClosed)
            .Select(u => (u.Unit, Figures: u.Figures!, Score: Score(u.Figures!)))
            .OrderByDescending(u => u.Score)
            .ThenBy(u => u.Unit.Code, StringComparer.Ordinal)
            .ToList();
        var rows = new List<RankedUnit>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].Score == ranked[i - 1].Score ? rows[i - 1].Rank : i + 1;
            rows.Add(Row(rank, ranked[i].Unit, ranked[i].Figures));
        }

        var tooFew = units.Where(u => !(u.Figures?.Closed >= MinClosed))
            .OrderBy(u => u.Unit.Code, StringComparer.Ordinal)
            .Select(u => Row(null, u.Unit, u.Figures))
            .ToList();
        return new RankingResult(new IndicatorUnitView(place.Id, place.Name, place.Kind), chosen.Value, filter.From, filter.To, MinClosed, rows, tooFew, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The three keys in order; -1 puts a unit no one rated after every unit with ratings.</summary>
    private static (double OnTime, double Satisfaction, double Closure) Score(IndicatorFigures f) =>
        (f.OnTimeRate ?? -1, f.SatisfactionRate ?? -1, f.ClosureRate ?? -1);

    private static RankedUnit Row(int? rank, UnitInfo unit, IndicatorFigures? f) =>
        new(rank, unit.Id, unit.Name, f?.Received ?? 0, f?.Closed ?? 0, f?.ClosedOnTime ?? 0, f?.OnTimeRate, f?.Rated ?? 0, f?.SatisfactionRate, f?.ClosureRate);

    private static RankingLevel? Parse(string level) =>
        Enum.TryParse<RankingLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(level, out _) ? parsed : null;

    private static RankingLevel? Below(OrgUnitKind place) => place switch
    {
        OrgUnitKind.District => RankingLevel.Street,
        OrgUnitKind.Street => RankingLevel.Community,
        _ => null,
    };

    private static bool IsBelow(RankingLevel level, OrgUnitKind place) =>
        place == OrgUnitKind.District || place == OrgUnitKind.Street && level == RankingLevel.Community;

    /// <summary>The district whose setting the caller may change: only its own administrator's (403 for anyone else).</summary>
    private async Task<UnitInfo> AdministeredDistrictAsync(Caller caller, CancellationToken ct)
    {
        var scope = Administrators.ScopeOf(caller);
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath);
        return district.Path == scope ? district : throw DomainException.Forbidden("Indicators.Ranking.DistrictAdministratorsOnly");
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Indicators;

/// <summary>The indicators (数智考评) of a unit over a period, and the events behind any of its numbers.</summary>
public static class IndicatorsApi
{
    private const string Period =
        "unitId: a district, street, community or grid in the caller's places (a governance centre stands for its place), or the caller's own department " +
        "(default: the caller's place or department; another unit is 404). from, to: yyyy-MM-dd in China time, both included (default: this month to today).";

    public static RouteGroupBuilder MapIndicatorsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireStaffApi();
        api.MapGet("/", ReportAsync)
            .WithSummary("The indicators of a unit over a period: totals, step times, overdue now, by category, source, child place and week or month (docs/indicators.md)")
            .WithDescription(Period)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet("/events", EventsAsync)
            .WithSummary("The events counted in one number of the indicators, newest first; the total is that number")
            .WithDescription(Period + " indicator: the count (Received, Closed, ClosedOnTime, …, OverdueNow). by and key: one breakdown row " +
                "(Category and a category id, Source and an EventSource, Place and a child place id or none for outside every place, Trend and a week's Monday yyyyMMdd or a month yyyyMM).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet("/map", MapAsync)
            .WithSummary("A unit's grids with their counts (received, closed, closed on time, on-time rate) and boundaries, and the reported events as counts per cell of about 100 m")
            .WithDescription(Period)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet("/ranking", RankingAsync)
            .WithSummary("The units below my place ranked by on-time closure rate, then satisfaction, then closure rate; 404 unless the district's administrator turned the ranking on")
            .WithDescription("level: street or community (default: the level below my place). from, to: yyyy-MM-dd in China time, both included (default: this month to today). " +
                $"Units with fewer than {UnitRanking.MinClosed} closed events are listed apart as too few to rank.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        var settings = api.MapGroup("/ranking/settings").RequireAdministrator();
        settings.MapGet("/", RankingSettingsAsync).WithSummary("Whether my district ranks its units (administrators of the district)").ProducesProblem(StatusCodes.Status403Forbidden);
        settings.MapPut("/", SetRankingAsync).WithSummary("Turn the ranking of units on or off for my district (administrators of the district)").ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    private static async Task<Ok<IndicatorMapData>> MapAsync(int? unitId, DateOnly? from, DateOnly? to, IndicatorMap map, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await map.MapAsync(unitId, from, to, await callers.GetAsync(ct), ct));

    private static async Task<Ok<RankingResult>> RankingAsync(string? level, DateOnly? from, DateOnly? to, UnitRanking ranking, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await ranking.RankAsync(level, from, to, await callers.GetAsync(ct), ct));

    private static async Task<Ok<RankingSettingsView>> RankingSettingsAsync(UnitRanking ranking, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await ranking.SettingsAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<RankingSettingsView>> SetRankingAsync(RankingSettingsRequest request, UnitRanking ranking, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await ranking.SetAsync(request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<IndicatorReport>> ReportAsync(int? unitId, DateOnly? from, DateOnly? to, IndicatorQueries indicators, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await indicators.ReportAsync(unitId, from, to, await callers.GetAsync(ct), ct));

    private static async Task<Ok<Page<IndicatorEvent>>> EventsAsync(
        int? unitId, DateOnly? from, DateOnly? to, Indicator indicator, Breakdown? by, int? key, int? page, int? pageSize,
        IndicatorQueries indicators, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await indicators.EventsAsync(unitId, from, to, indicator, by, key, await callers.GetAsync(ct), new PageRequest(page, pageSize), ct));
}

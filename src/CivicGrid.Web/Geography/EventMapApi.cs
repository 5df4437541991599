using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Geography;

/// <summary>The staff map's data for API clients; the map page asks the same questions through its own handlers.</summary>
public static class EventMapApi
{
    public static RouteGroupBuilder MapEventMapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/map").WithTags("Geography").RequireStaffApi();
        api.MapGet("/events", EventsAsync)
            .WithSummary("The events I can see in a map window (bbox=west,south,east,north), as compact markers")
            .WithDescription("Filters: categoryId; from and to (calendar days in Beijing time, both included); status (repeatable). "
                + "At most Geography:MapMaxEvents markers (10,000 by default); when more match, only the newest come and tooMany is true: zoom in.");
        return api;
    }

    private static async Task<Ok<MapEvents>> EventsAsync(
        string? bbox, int? categoryId, DateOnly? from, DateOnly? to, EventStatus[]? status, EventMap map, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await map.EventsAsync(MapFilter.Parse(bbox, categoryId, from, to, status), await callers.GetAsync(ct), ct));
}

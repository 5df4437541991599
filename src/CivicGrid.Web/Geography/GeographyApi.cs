using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Features;

namespace CivicGrid.Web.Geography;

public static class GeographyApi
{
    public static RouteGroupBuilder MapGeographyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/places").WithTags("Geography").RequireStaffApi();
        api.MapGet("/resolve", ResolveAsync).WithSummary("Where an incident at these coordinates would go: street, community and grid, or the unplaced queue");
        api.MapGet("/addresses", AddressesAsync).WithSummary("Buildings of my district whose name or address contains the words");
        api.MapGet("/grids", GridsAsync).WithSummary("Grid areas reaching into a window (bbox=west,south,east,north), as a GeoJSON FeatureCollection");
        return api;
    }

    private static async Task<Ok<PlacePreview>> ResolveAsync(double? latitude, double? longitude, PlaceQueries places, CallerAccessor callers, CancellationToken ct)
    {
        new Validation().Position(latitude, longitude).ThrowIfInvalid();
        return TypedResults.Ok(await places.PreviewAsync(latitude!.Value, longitude!.Value, await callers.GetAsync(ct), ct));
    }

    private static async Task<Ok<IReadOnlyList<AddressMatch>>> AddressesAsync(string? q, PlaceQueries places, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await places.SearchAddressesAsync(q, await callers.GetAsync(ct), ct));

    private static async Task<Ok<FeatureCollection>> GridsAsync(string? bbox, PlaceQueries places, CallerAccessor callers, CancellationToken ct)
    {
        var box = BoundingBox.Parse(bbox);
        new Validation().Require(box is not null, "bbox", "Validation.BoundingBox").ThrowIfInvalid();
        return TypedResults.Ok(await places.GridsAsync(box!, await callers.GetAsync(ct), ct));
    }
}

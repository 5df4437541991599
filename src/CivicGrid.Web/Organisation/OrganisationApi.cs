using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Organisation;

public static class OrganisationApi
{
    public static RouteGroupBuilder MapOrganisationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Organisation").RequireStaffApi();
        api.MapGet("/places", PlacesAsync).WithSummary("Communities and grids where an event can be reported");
        api.MapGet("/dispatch-targets", DispatchTargetsAsync).WithSummary("Departments my centre may dispatch to");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PlaceOption>>> PlacesAsync(OrganisationQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.PlacesAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<IReadOnlyList<UnitOption>>> DispatchTargetsAsync(OrganisationQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.DispatchTargetsAsync(await callers.GetAsync(ct), ct));
}

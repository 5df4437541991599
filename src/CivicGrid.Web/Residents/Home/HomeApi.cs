using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Home;

/// <summary>我的网格 under /api/v1/resident/home: read and set the resident's home grid, and the lists to choose it from.</summary>
public static class HomeApi
{
    public static RouteGroupBuilder MapHomeApi(this IEndpointRouteBuilder routes)
    {
        var home = routes.MapGroup("/api/v1/resident/home").WithTags("Residents").RequireAuthorization(ResidentAuth.ApiPolicy);
        home.MapGet("/", GetAsync).WithSummary("My home grid, with its community and street; nulls until chosen");
        home.MapPut("/", SetAsync)
            .WithSummary("Set my home grid, by its id or by the token of a place QR code just scanned")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        home.MapGet("/choices", ChoicesAsync)
            .WithSummary("The streets; with streetId its communities; with communityId its grids");
        return home;
    }

    private static async Task<Ok<HomeView>> GetAsync(HomePlace homes, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await homes.GetAsync(await residents.RequireAsync(ct), ct));

    private static async Task<Ok<HomeView>> SetAsync(HomeRequest request, HomePlace homes, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await homes.SetAsync(await residents.RequireAsync(ct), request, ct));

    private static async Task<Ok<IReadOnlyList<PlaceChoice>>> ChoicesAsync(int? streetId, int? communityId, HomePlace homes, CancellationToken ct) =>
        TypedResults.Ok(
            communityId is not null ? await homes.ChildrenAsync(communityId, OrgUnitKind.Grid, ct)
            : streetId is not null ? await homes.ChildrenAsync(streetId, OrgUnitKind.Community, ct)
            : await homes.StreetsAsync(ct));
}

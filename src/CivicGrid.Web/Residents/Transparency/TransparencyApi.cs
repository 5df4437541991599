using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Transparency;

/// <summary>The public figures of each street, for anyone, signed in or not.</summary>
public static class TransparencyApi
{
    public static RouteGroupBuilder MapTransparencyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/public/streets").WithTags("Transparency").AllowAnonymous();

        api.MapGet("/", StreetsAsync).WithSummary("The streets that publish their figures");
        api.MapGet("/{streetId:int}/transparency", FiguresAsync)
            .WithSummary("A street's public figures for the last 30 days (公开透明)")
            .WithDescription(
                "Counts for the 30 calendar days (China time) ending today, recounted at most every few minutes. " +
                "received: reports made in the window, not voided and not merged into another report; " +
                "setAside: reports made in the window that were voided or merged as duplicates; " +
                "closed: reports closed in the window (whenever they were made) and still closed; " +
                "closedOnTime: of those, the ones none of whose steps ever passed its deadline; " +
                "ratings: of the closed ones, those with a satisfaction rating; satisfiedShare: (satisfied + basically satisfied) / ratings. " +
                "Shares are between 0 and 1, null when there is nothing to divide by. 404 for a unit that is not a street. See docs/transparency.md.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<List<PublicStreet>>> StreetsAsync(StreetTransparency transparency, CancellationToken ct) =>
        TypedResults.Ok(await transparency.StreetsAsync(ct));

    private static async Task<Ok<StreetFigures>> FiguresAsync(int streetId, StreetTransparency transparency, CancellationToken ct) =>
        TypedResults.Ok(await transparency.ForStreetAsync(streetId, ct));
}

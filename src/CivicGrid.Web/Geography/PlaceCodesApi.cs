using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Geography;

/// <summary>The QR codes of grids and buildings: list, issue, revoke, and resolve a scanned token.</summary>
public static class PlaceCodesApi
{
    public sealed record IssueRequest(PlaceCodeKind? Kind, int? TargetId);

    /// <summary>A scanned token as staff see it: the place and the page it opens for them.</summary>
    public sealed record ResolvedPlace(
        string Token, PlaceCodeKind Kind, int TargetId, string Name, string StreetName, int CommunityId, string CommunityName,
        int GridId, string GridName, string? BuildingName, string? Address, CodeLanding Landing, string Opens);

    public static RouteGroupBuilder MapPlaceCodesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/place-codes").WithTags("Place codes").RequireStaffApi();
        api.MapGet("/", ListAsync)
            .WithSummary("Every code a grid (?grid=id) or a building (?building=id) of my area has had, the one in service first")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", IssueAsync)
            .WithSummary("Give a grid or building of my area a code if it has none: 201 with the new code, 200 with the one in service")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{token}", ResolveAsync)
            .WithSummary("The place a scanned token stands for and the page it opens for me; 404 when unknown, revoked or of another district")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{token}/revoke", RevokeAsync)
            .WithSummary("Take a code out of service and issue its place a new one to print (administrators and community heads of the place)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PlaceCodeView>>> ListAsync(int? grid, int? building, PlaceCodes codes, CallerAccessor callers, CancellationToken ct)
    {
        new Validation().Require(grid is null != building is null, "grid", "Validation.OnePlace").ThrowIfInvalid();
        var place = grid is { } gridId ? new PlaceRef(PlaceCodeKind.Grid, gridId) : new PlaceRef(PlaceCodeKind.Building, building!.Value);
        return TypedResults.Ok(await codes.HistoryAsync(place, await callers.GetAsync(ct), ct));
    }

    private static async Task<Results<Created<PlaceCodeView>, Ok<PlaceCodeView>>> IssueAsync(IssueRequest request, PlaceCodes codes, CallerAccessor callers, CancellationToken ct)
    {
        new Validation()
            .Require(request.Kind is { } kind && Enum.IsDefined(kind), "kind", "Validation.UnknownValue")
            .Require(request.TargetId is not null, "targetId", "Validation.Required")
            .ThrowIfInvalid();
        var (code, issued) = await codes.IssueAsync(new PlaceRef(request.Kind!.Value, request.TargetId!.Value), await callers.GetAsync(ct), ct);
        return issued ? TypedResults.Created($"/api/v1/place-codes/{code.Token}", code) : TypedResults.Ok(code);
    }

    private static async Task<Ok<ResolvedPlace>> ResolveAsync(string token, PlaceCodes codes, CallerAccessor callers, LinkGenerator links, HttpContext http, CancellationToken ct)
    {
        var resolved = await codes.ResolveAsync(token, ct) ?? throw DomainException.NotFound("PlaceCode.Invalid");
        var place = resolved.Place;
        var landing = await codes.LandingAsync(place, await callers.GetAsync(ct), ct);
        var opens = landing switch
        {
            CodeLanding.ReportInGrid => links.GetPathByPage(http, "/Events/Report", values: new { grid = place.Id }),
            CodeLanding.BuildingPage => links.GetPathByPage(http, "/Geography/Building", values: new { id = place.Id }),
            CodeLanding.ReportAtBuilding => links.GetPathByPage(http, "/Events/Report", values: new { building = place.Id }),
            _ => throw DomainException.NotFound("PlaceCode.Invalid"),
        };
        return TypedResults.Ok(new ResolvedPlace(
            resolved.Token, place.Kind, place.Id, place.Name, place.StreetName, place.CommunityId, place.CommunityName,
            place.GridId, place.GridName, place.BuildingName, place.Address, landing, opens!));
    }

    private static async Task<Ok<PlaceCodeView>> RevokeAsync(string token, PlaceCodes codes, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await codes.RevokeAsync(token, await callers.GetAsync(ct), ct));
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Suggestions;

/// <summary>我有话说: residents write under /api/v1/resident/suggestions; those who look after the street reply under /api/v1/suggestions.</summary>
public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        var mine = routes.MapGroup("/api/v1/resident/suggestions").WithTags("Residents").RequireAuthorization(ResidentAuth.ApiPolicy);
        mine.MapGet("/", MineAsync).WithSummary("My suggestions to the streets, newest first, with their replies");
        mine.MapGet("/{id:long}", GetAsync).WithSummary("One of my suggestions, with its reply").ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPost("/", SendAsync)
            .WithSummary("Write to a street (我有话说); a few a day")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var desk = routes.MapGroup("/api/v1/suggestions").WithTags("Residents").RequireStaffApi().RequireAuthorization(SuggestionDesk.Policy);
        desk.MapGet("/", ListAsync).WithSummary("Residents' suggestions to my streets, unanswered first, with the resident's number masked");
        desk.MapPost("/{id:long}/reply", ReplyAsync)
            .WithSummary("Reply to a suggestion, once; the resident reads it")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    public sealed record PageQuery(int? Page, int? PageSize);

    private static async Task<Ok<IReadOnlyList<MySuggestion>>> MineAsync(SuggestionBox box, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await box.MineAsync(await residents.RequireAsync(ct), ct));

    private static async Task<Ok<MySuggestion>> GetAsync(long id, SuggestionBox box, ResidentAccessor residents, CancellationToken ct) =>
        TypedResults.Ok(await box.GetAsync(await residents.RequireAsync(ct), id, ct));

    private static async Task<Created<MySuggestion>> SendAsync(SuggestionRequest request, SuggestionBox box, ResidentAccessor residents, CancellationToken ct)
    {
        var sent = await box.SendAsync(await residents.RequireAsync(ct), request, ct);
        return TypedResults.Created($"/api/v1/resident/suggestions/{sent.Id}", sent);
    }

    private static async Task<Ok<Page<StaffSuggestion>>> ListAsync([AsParameters] PageQuery page, SuggestionBox box, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await box.ListAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<NoContent> ReplyAsync(long id, ReplyRequest request, SuggestionBox box, CallerAccessor callers, CancellationToken ct)
    {
        await box.ReplyAsync(id, request, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }
}

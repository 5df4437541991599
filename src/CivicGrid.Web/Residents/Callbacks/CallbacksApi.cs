using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Callbacks;

public static class CallbacksApi
{
    public static RouteGroupBuilder MapCallbacksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/callbacks").WithTags("Callbacks").RequireStaffApi();

        api.MapGet("/", DueAsync).WithSummary("Due callbacks (回访) of my centre's place, the longest waiting first, with the reporter's number");
        api.MapGet("/{id:long}", GetAsync).WithSummary("One callback of my centre's place, due or recorded");
        api.MapPost("/{id:long}/outcome", RecordAsync)
            .WithSummary("Record what a call came to: reached with a satisfaction, not reached (tried again up to the limit), or declined")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:long}/rating-sms", AskForRatingAsync)
            .WithSummary("Text the reporter a link to rate the result")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static async Task<Ok<Page<CallbackView>>> DueAsync([AsParameters] PageQuery page, CallbackDeskWork desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.DueAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<CallbackView>> GetAsync(long id, CallbackDeskWork desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CallbackView>> RecordAsync(long id, RecordOutcomeRequest request, CallbackDeskWork desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.RecordAsync(id, request, await callers.GetAsync(ct), ct));

    private static async Task<Ok<CallbackView>> AskForRatingAsync(long id, CallbackDeskWork desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.AskForRatingAsync(id, await callers.GetAsync(ct), ct));

    public sealed record PageQuery(int? Page, int? PageSize);
}

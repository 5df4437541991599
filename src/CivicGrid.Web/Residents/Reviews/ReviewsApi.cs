using CivicGrid.Web.Identity;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Residents.Reviews;

/// <summary>The centre's review of unsatisfied residents (不满意复核) for API clients.</summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this IEndpointRouteBuilder routes)
    {
        var reviews = routes.MapGroup("/api/v1/reviews").WithTags("Residents").RequireStaffApi().RequireAuthorization(CallbackDesk.Policy);
        reviews.MapGet("/", ListAsync).WithSummary("Events a resident called unsatisfied, waiting for my centre's review, oldest first");
        reviews.MapPost("/{eventId:long}/confirm", ConfirmAsync).WithSummary("Stand by the result with a reason; to reopen instead, use the event's reopen action");
        return reviews;
    }

    public sealed record ConfirmRequest(string? Note);

    private static async Task<Ok<IReadOnlyList<ReviewItem>>> ListAsync(ReviewQueue queue, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queue.ListAsync(await callers.GetAsync(ct), ct));

    private static async Task<NoContent> ConfirmAsync(long eventId, ConfirmRequest request, ReviewQueue queue, CallerAccessor callers, CancellationToken ct)
    {
        await queue.ConfirmAsync(eventId, request.Note, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }
}

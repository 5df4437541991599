using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Supervision;

public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Supervision").RequireStaffApi();

        api.MapGet("/events/{id:long}/supervision-orders", ForEventAsync).WithSummary("The supervision orders (督办单) of an event");
        api.MapPost("/events/{id:long}/supervision-orders", IssueAsync).WithSummary("Issue a supervision order to the unit holding an open event (leader or centre dispatcher)");

        var orders = api.MapGroup("/supervision-orders");
        orders.MapGet("/mine", AwaitingMyReplyAsync).WithSummary("Orders waiting for my unit's answer, the nearest deadline first");
        orders.MapGet("/issued", IssuedAsync).WithSummary("Orders I issued, the newest first, with their state");
        orders.MapPost("/{orderId:long}/reply", ReplyAsync).WithSummary("Answer an order (办理情况): the unit holding the event");
        orders.MapPost("/{orderId:long}/conclude", ConcludeAsync).WithSummary("Conclude an answered or unanswered order (办结) with an assessment: its issuer");

        api.MapGet("/supervision/overdue", OverdueAsync).WithSummary("Open events of my place past their step deadline, the longest overdue first");
        api.MapGet("/supervision/notices", NoticesAsync).WithSummary("Overdue events of the units I supervise (my to-do items)");
        return api;
    }

    private static async Task<Ok<SupervisionPanel>> ForEventAsync(long id, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.ForEventAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Created<SupervisionOrderView>> IssueAsync(long id, IssueOrderRequest request, SupervisionOrders orders, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        var order = await orders.IssueAsync(id, request, caller, ct);
        return TypedResults.Created($"/api/v1/events/{id}/supervision-orders", await ViewAsync(order, queries, caller, ct));
    }

    private static async Task<Ok<SupervisionOrderView>> ReplyAsync(long orderId, ReplyRequest request, SupervisionOrders orders, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        return TypedResults.Ok(await ViewAsync(await orders.ReplyAsync(orderId, request, caller, ct), queries, caller, ct));
    }

    private static async Task<Ok<SupervisionOrderView>> ConcludeAsync(long orderId, ConcludeRequest request, SupervisionOrders orders, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        return TypedResults.Ok(await ViewAsync(await orders.ConcludeAsync(orderId, request, caller, ct), queries, caller, ct));
    }

    private static async Task<Ok<List<SupervisionOrderView>>> AwaitingMyReplyAsync(SupervisionQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.AwaitingMyReplyAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<Page<SupervisionOrderView>>> IssuedAsync([AsParameters] PageQuery page, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.IssuedByMeAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<Page<OverdueEventView>>> OverdueAsync([AsParameters] PageQuery page, SupervisionQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.OverdueAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<List<OverdueNoticeView>>> NoticesAsync(SupervisionQueries queries, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await queries.NoticesAsync(await callers.GetAsync(ct), ct));

    /// <summary>The order as the caller now sees it on the event.</summary>
    private static async Task<SupervisionOrderView> ViewAsync(SupervisionOrder order, SupervisionQueries queries, Caller caller, CancellationToken ct) =>
        (await queries.ForEventAsync(order.EventId, caller, ct)).Orders.Single(o => o.Id == order.Id);

    public sealed record PageQuery(int? Page, int? PageSize);
}

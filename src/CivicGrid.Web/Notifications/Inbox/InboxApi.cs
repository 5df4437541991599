using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Notifications.Inbox;

public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/me/notifications").WithTags("Notifications").RequireStaffApi();
        api.MapGet("/", PageAsync).WithSummary("My notifications, the newest first");
        api.MapGet("/unread", UnreadAsync).WithSummary("How many of my notifications are unread, and my open to-do count");
        api.MapPost("/{id:long}/read", ReadAsync).WithSummary("Mark one of my notifications read");
        api.MapPost("/read-all", ReadAllAsync).WithSummary("Mark all my notifications read");
        return api;
    }

    private static async Task<Ok<Page<NotificationView>>> PageAsync([AsParameters] PageQuery page, InboxQueries inbox, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await inbox.PageAsync(new PageRequest(page.Page, page.PageSize), await callers.GetAsync(ct), ct));

    private static async Task<Ok<NavCounts>> UnreadAsync(InboxQueries inbox, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await inbox.NavCountsAsync(await callers.GetAsync(ct), ct));

    private static async Task<Ok<NotificationView>> ReadAsync(long id, InboxQueries inbox, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await inbox.MarkReadAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<ReadAllResult>> ReadAllAsync(InboxQueries inbox, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(new ReadAllResult(await inbox.MarkAllReadAsync(await callers.GetAsync(ct), ct)));

    public sealed record PageQuery(int? Page, int? PageSize);

    public sealed record ReadAllResult(int Marked);
}

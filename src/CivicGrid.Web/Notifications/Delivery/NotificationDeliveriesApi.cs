using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>The delivery log of the administrator's subtree; deliveries to anyone outside it are 404.</summary>
public static class NotificationDeliveriesApi
{
    public static RouteGroupBuilder MapNotificationDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/admin/notification-deliveries").WithTags("Notifications").RequireStaffApi().RequireAdministrator();
        api.MapGet("/", ListAsync).WithSummary("Deliveries of notifications to people of my subtree, the newest first; filter by status and channel");
        api.MapGet("/{id:long}", GetAsync).WithSummary("One delivery with every try to send it");
        api.MapPost("/{id:long}/retry", RetryAsync).WithSummary("Send a failed delivery again (with the others its message carried)");
        return api;
    }

    private static async Task<Ok<DeliveryList>> ListAsync([AsParameters] DeliveryFilter filter, DeliveryLog log, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await log.ListAsync(filter, await callers.GetAsync(ct), ct));

    private static async Task<Ok<DeliveryDetail>> GetAsync(long id, DeliveryLog log, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await log.GetAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Ok<DeliveryDetail>> RetryAsync(long id, DeliveryLog log, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await log.RetryAsync(id, await callers.GetAsync(ct), ct));
}

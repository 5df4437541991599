using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CivicGrid.Web.Notifications.RealTime;

/// <summary>
/// Where open pages listen for their person's notifications. Nothing is called from the client:
/// a connection only joins its person's group, and the server speaks.
/// </summary>
[Authorize(Policy = Staff)]
public sealed class NotificationHub : Hub
{
    public const string Path = "/hubs/notifications";
    public const string Notified = "notified";
    /// <summary>Active staff only: a disabled account's cookie or token must not keep a live connection.</summary>
    public const string Staff = "NotificationHubStaff";

    public static string GroupOf(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        if (!Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(userId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}

/// <summary>What an open page receives: enough to show a toast and know which list to refresh.</summary>
public sealed record NotifiedMessage(long Id, NotificationKind Kind, long? EventId, string EventNumber, string Text, bool Urgent);

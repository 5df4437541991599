using System.Security.Claims;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Residents.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CivicGrid.Web.Notifications.RealTime;

/// <summary>
/// Where open pages listen for their person's notifications: a connection joins its person's group,
/// and the server speaks. The one call from the client asks to watch a notice's tally.
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

    /// <summary>A notice's page joins the notice's group (<see cref="NoticeLive"/>), if its person may see the notice; false otherwise.</summary>
    public async Task<bool> WatchNotice(long noticeId, CallerAccessor callers, NoticeBoard notices)
    {
        var ct = Context.ConnectionAborted;
        if (!Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await callers.FindAsync(userId, ct) is not { } caller
            || !await notices.SeesAsync(noticeId, caller, ct))
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, NoticeLive.GroupOf(noticeId), ct);
        return true;
    }
}

/// <summary>What an open page receives: enough to show a toast and know which list to refresh.</summary>
public sealed record NotifiedMessage(long Id, NotificationKind Kind, long? EventId, string EventNumber, string Text, bool Urgent);

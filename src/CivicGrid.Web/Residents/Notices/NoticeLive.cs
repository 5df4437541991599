using CivicGrid.Web.Notifications.RealTime;
using Microsoft.AspNetCore.SignalR;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>
/// Keeps open staff pages of a notice current: each read or answer sends the new tally to the notice's
/// group of the notifications hub, which a page joins only when its person may see the notice.
/// </summary>
public sealed class NoticeLive(IHubContext<NotificationHub> hub, NoticeBoard board)
{
    public const string Tallied = "noticeTallied";

    public static string GroupOf(long noticeId) => $"notice:{noticeId}";

    public async Task PublishAsync(long noticeId, CancellationToken ct) =>
        await hub.Clients.Group(GroupOf(noticeId)).SendAsync(Tallied, await board.TallyAsync(noticeId, ct), ct);
}

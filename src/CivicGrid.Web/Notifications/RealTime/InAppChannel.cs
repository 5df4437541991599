using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Texts;
using Microsoft.AspNetCore.SignalR;

namespace CivicGrid.Web.Notifications.RealTime;

/// <summary>
/// Tells the person's open pages, through the hub (and the backplane, when several instances run).
/// A page that is not open misses nothing: the to-do list and the inbox are read from the database.
/// </summary>
public sealed class InAppChannel(IHubContext<NotificationHub> hub) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.InApp;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var group = hub.Clients.Group(NotificationHub.GroupOf(message.RecipientId));
        foreach (var notification in message.Notifications)
        {
            await group.SendAsync(NotificationHub.Notified, Render(notification, message.Language), ct);
        }

        return ChannelResult.Sent(null);
    }

    public static NotifiedMessage Render(Notification notification, string language) =>
        new(notification.Id, notification.Kind, notification.EventId, notification.EventNumber, NotificationTemplates.InApp(notification, language), notification.Urgent);
}

using System.Globalization;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Notifications.Delivery;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Notifications.RealTime;

/// <summary>
/// Tells the person's open pages, through the hub (and the backplane, when several instances run).
/// A page that is not open misses nothing: the to-do list and the inbox are read from the database.
/// </summary>
public sealed class InAppChannel(IHubContext<NotificationHub> hub, IStringLocalizer<Text> text) : INotificationChannel
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

    public NotifiedMessage Render(Notification notification, string language)
    {
        // The resources follow the current UI culture; the recipient's language is not the request's.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var words = text[$"Notify.InApp.{notification.Kind}", notification.EventNumber, notification.EventTitle];
            return new NotifiedMessage(notification.Id, notification.Kind, notification.EventId, notification.EventNumber, words, notification.Urgent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Texts;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Sms;

/// <summary>Renders a message as SMS text in the person's language and hands it to the configured gateway.</summary>
public sealed class SmsChannel(IServiceProvider services, IOptions<SmsOptions> options, NotificationTemplates templates) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var text = await templates.SmsAsync(message.Notifications, message.Language, ct);
        var gateway = services.GetRequiredKeyedService<ISmsGateway>(options.Value.Gateway);
        return await gateway.SendAsync(new SmsMessage(message.Key, message.Address!, text.Text, text.Template, text.Parameters), ct);
    }
}

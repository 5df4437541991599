using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<EventNotices>();
        services.AddSingleton<Texts.NotificationTemplates>();

        services.AddSettings<DeliveryOptions>(DeliveryOptions.Section);
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<NotificationCommitWatcher>();
        services.AddSingleton<NotificationCommitWatcher.Transactions>();
        services.AddScoped<DeliveryRound>();
        services.AddScoped<DeliveryLog>();
        services.AddHostedService<DeliveryWorker>();

        services.AddSettings<SmsOptions>(SmsOptions.Section);
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsGatewayValidation>();
        services.AddSingleton<SmsSink>();
        services.AddKeyedSingleton<ISmsGateway>(SmsChannel.SinkGateway, (sp, _) => sp.GetRequiredService<SmsSink>());
        services.AddScoped<INotificationChannel, SmsChannel>();
        return services;
    }
}

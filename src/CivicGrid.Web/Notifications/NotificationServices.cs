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
        services.AddSettings<Texts.NotificationTextOptions>(Texts.NotificationTextOptions.Section);
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
        services.AddSmsGateways();
        services.AddScoped<INotificationChannel, SmsChannel>();
        services.AddSettings<Email.EmailOptions>(Email.EmailOptions.Section);
        services.AddSingleton<INotificationChannel, Email.EmailChannel>();
        return services;
    }
}

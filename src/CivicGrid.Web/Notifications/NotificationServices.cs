using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Notifications.Sms;

namespace CivicGrid.Web.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<EventNotices>();
        services.AddSettings<Texts.NotificationTextOptions>(Texts.NotificationTextOptions.Section);
        services.AddSingleton<Texts.NotificationTemplates>();
        services.AddSingleton<SmsSink>();
        services.AddSmsGateways();
        services.AddSettings<Email.EmailOptions>(Email.EmailOptions.Section);
        services.AddSingleton<Delivery.INotificationChannel, Email.EmailChannel>();
        return services;
    }
}

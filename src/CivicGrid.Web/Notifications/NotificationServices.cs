namespace CivicGrid.Web.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationOutbox>();
        services.AddScoped<EventNotices>();
        services.AddSingleton<Texts.NotificationTemplates>();
        services.AddSingleton<Sms.SmsSink>();
        return services;
    }
}

using System.Text.Json.Serialization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Inbox;
using CivicGrid.Web.Notifications.Preferences;
using CivicGrid.Web.Notifications.RealTime;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
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

        services.AddSettings<RealTimeOptions>(RealTimeOptions.Section);
        // Kinds travel by name, as in the API, so the page script and clients read them without a table.
        var signalR = services.AddSignalR().AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Read once at start-up: the backplane decides how hub messages travel, it cannot change while running.
        if (configuration.GetSection(RealTimeOptions.Section).Get<RealTimeOptions>()?.Redis is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("civicgrid"));
        }

        services.AddSingleton<InAppChannel>();
        services.AddSingleton<INotificationChannel>(provider => provider.GetRequiredService<InAppChannel>());
        services.AddAuthorizationBuilder().AddPolicy(NotificationHub.Staff, policy => policy.RequireCaller(_ => true));

        services.AddScoped<InboxQueries>();
        services.AddScoped<PreferenceEditor>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<NotificationHub>(NotificationHub.Path);
        routes.MapInboxApi();
        routes.MapPreferencesApi();
        return routes;
    }
}

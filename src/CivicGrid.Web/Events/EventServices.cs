using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Web.Events;

public static class EventServices
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<AttachmentIntake>();
        services.AddScoped<EventAttachments>();
        services.AddScoped<EventNumbers>();
        services.AddScoped<Deadlines>();
        services.AddScoped<EventReporting>();
        services.AddScoped<EventTransitions>();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventRelocation>();
        services.AddScoped<EventMerging>();
        services.AddScoped<NearbyEvents>();
        services.AddOptions<DuplicateOptions>()
            .BindConfiguration(DuplicateOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}

using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Events;

public static class EventServices
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSettings<AttachmentOptions>(AttachmentOptions.Section);
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<PublicPhotos>();
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
        services.AddSettings<DuplicateOptions>(DuplicateOptions.Section);
        return services;
    }
}

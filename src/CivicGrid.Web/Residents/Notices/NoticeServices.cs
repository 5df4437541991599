using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Residents.Notices;

public static class NoticeServices
{
    public static IServiceCollection AddNotices(this IServiceCollection services)
    {
        services.AddScoped<NoticeBoard>();
        services.AddScoped<ResidentNotices>();
        services.AddScoped<NoticeLive>();
        services.AddScoped<TagGroups>();
        services.AddAuthorizationBuilder()
            .AddPolicy(NoticeDesk.Policy, policy => policy.RequireCaller(NoticeDesk.IsFor));
        return services;
    }
}

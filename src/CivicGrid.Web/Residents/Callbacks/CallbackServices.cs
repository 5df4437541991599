using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Residents.Callbacks;

public static class CallbackServices
{
    public static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        services.AddSettings<CallbackOptions>(CallbackOptions.Section);
        services.AddScoped<CallbackSampling>();
        services.AddScoped<CallbackDeskWork>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CallbackDesk.Policy, policy => policy.RequireCaller(CallbackDesk.IsFor));
        return services;
    }
}

using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Dispatch;

public static class DispatchServices
{
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Dispatchers.Policy, policy => policy.RequireCaller(Dispatchers.IsFor));
        return services;
    }
}

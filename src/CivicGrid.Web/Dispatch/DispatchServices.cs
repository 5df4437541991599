using CivicGrid.Web.Dispatch.Rules;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Dispatch;

public static class DispatchServices
{
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Dispatchers.Policy, policy => policy.RequireCaller(Dispatchers.IsFor))
            .AddPolicy(DispatchRuleManagers.Policy, policy => policy.RequireCaller(DispatchRuleManagers.IsFor));
        services.AddReferenceSnapshot(DispatchRuleBook.LoadAsync, typeof(DispatchRule));
        services.AddScoped<DispatchRules>();
        services.AddScoped<DispatchRuleAdmin>();
        return services;
    }
}

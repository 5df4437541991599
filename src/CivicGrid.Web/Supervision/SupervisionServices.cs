using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Supervision;

public static class SupervisionServices
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddSettings<SupervisionOptions>(SupervisionOptions.Section);
        services.AddScoped<OverdueSweep>();
        services.AddScoped<SupervisionOrders>();
        services.AddScoped<SupervisionQueries>();
        services.AddHostedService<OverdueSweeper>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Supervisors.Policy, policy => policy.RequireCaller(Supervisors.IsFor));
        return services;
    }
}

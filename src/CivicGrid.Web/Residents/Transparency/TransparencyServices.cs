using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Residents.Transparency;

public static class TransparencyServices
{
    public static IServiceCollection AddTransparency(this IServiceCollection services)
    {
        services.AddSettings<TransparencyOptions>(TransparencyOptions.Section);
        services.AddSingleton<TransparencyCache>();
        services.AddScoped<StreetTransparency>();
        return services;
    }
}

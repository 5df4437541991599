namespace CivicGrid.Web.Geography;

public static class GeographyServices
{
    public static IServiceCollection AddGeography(this IServiceCollection services)
    {
        // One grid index for the whole process: requests share it, a rebuild replaces it whole.
        services.AddSingleton<GridLocatorHolder>();
        services.AddSingleton<QrCodes>();
        return services;
    }
}

namespace CivicGrid.Web.Infrastructure;

public static class Settings
{
    /// <summary>
    /// Binds a feature's options to its configuration section and checks them at start-up, so a
    /// wrong setting stops the platform with a clear message instead of failing on first use.
    /// </summary>
    public static IServiceCollection AddSettings<TOptions>(this IServiceCollection services, string section) where TOptions : class
    {
        services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}

namespace CivicGrid.Web.Indicators;

public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddSingleton<OutcomeInterceptor>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IndicatorMap>();
        services.AddScoped<UnitRanking>();
        return services;
    }
}

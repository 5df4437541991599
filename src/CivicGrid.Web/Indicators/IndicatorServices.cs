using CivicGrid.Web.Indicators.Cells;
using CivicGrid.Web.Infrastructure;

namespace CivicGrid.Web.Indicators;

public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddSettings<IndicatorOptions>(IndicatorOptions.Section);
        services.AddSingleton<OutcomeInterceptor>();
        services.AddScoped<IndicatorQueries>();
        services.AddScoped<IndicatorMap>();
        services.AddScoped<UnitRanking>();
        services.AddScoped<CellCompaction>();
        services.AddHostedService<CellCompactor>();
        return services;
    }
}

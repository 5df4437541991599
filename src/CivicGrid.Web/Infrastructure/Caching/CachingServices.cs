using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Infrastructure.Caching;

public static class CachingServices
{
    public static IServiceCollection AddCaching(this IServiceCollection services)
    {
        services.AddSettings<CachingOptions>(CachingOptions.Section);
        services.AddSingleton<ReferenceSnapshotInvalidator>();
        services.AddSingleton<ReferenceSnapshotCommitWatcher>();
        return services;
    }

    /// <summary>Registers a snapshot of reference data, built by <paramref name="load"/> from the tables <paramref name="sources"/>.</summary>
    public static IServiceCollection AddReferenceSnapshot<T>(this IServiceCollection services, Func<IServiceProvider, CancellationToken, Task<T>> load, params Type[] sources)
        where T : class
    {
        services.AddSingleton(provider => new ReferenceSnapshot<T>(
            load, sources, provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<IOptions<CachingOptions>>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReferenceSnapshot>(provider => provider.GetRequiredService<ReferenceSnapshot<T>>());
        return services;
    }
}

using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Infrastructure.Caching;

/// <summary>The tables a snapshot is built from, so a save touching them can drop it.</summary>
public interface IReferenceSnapshot
{
    IReadOnlyCollection<Type> Sources { get; }

    void Invalidate();
}

/// <summary>
/// A read-mostly table (the organisation tree, the category catalogue) held in memory and
/// shared by all requests, so the hot paths skip a database round trip for it. A save through
/// this instance drops it at once (<see cref="ReferenceSnapshotInvalidator"/>); a change made by
/// another instance of the platform is picked up after <see cref="CachingOptions.ReferenceMaxAge"/>.
/// </summary>
public sealed class ReferenceSnapshot<T>(
    Func<IServiceProvider, CancellationToken, Task<T>> load,
    IReadOnlyCollection<Type> sources,
    IServiceScopeFactory scopes,
    IOptions<CachingOptions> options,
    TimeProvider clock) : IReferenceSnapshot where T : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Loaded? _current;
    private long _generation;

    public IReadOnlyCollection<Type> Sources => sources;

    public async ValueTask<T> GetAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } value)
        {
            return value;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(Volatile.Read(ref _current)) is { } loadedMeanwhile)
            {
                return loadedMeanwhile;
            }

            var generation = Interlocked.Read(ref _generation);
            var loadedAt = clock.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var loaded = await load(scope.ServiceProvider, ct);
            // A save that landed while loading may not be in what was read: serve it once, keep nothing.
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _current, new Loaded(loaded, loadedAt));
            }

            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    private T? Fresh(Loaded? loaded) =>
        loaded is not null && clock.GetUtcNow() - loaded.At < options.Value.ReferenceMaxAge ? loaded.Value : null;

    private sealed record Loaded(T Value, DateTimeOffset At);
}

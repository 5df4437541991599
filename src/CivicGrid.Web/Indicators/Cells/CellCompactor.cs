using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// Runs <see cref="CellCompaction"/> at start (over every stored row) and then every minute over
/// the rows added since. Figures never wait for it: it only keeps the cells few.
/// </summary>
public sealed class CellCompactor(IServiceScopeFactory scopes, IOptions<IndicatorOptions> options, TimeProvider clock, ILogger<CellCompactor> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.FoldCellsInBackground)
        {
            return;
        }

        var after = FoldedUpTo.Nothing;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                after = await scope.ServiceProvider.GetRequiredService<CellCompaction>().RunAsync(after, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be away for a moment; the next tick tries the same rows again.
                log.LogError(failure, "Folding the indicator cells failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

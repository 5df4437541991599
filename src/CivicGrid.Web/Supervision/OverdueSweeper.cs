using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Supervision;

/// <summary>
/// Runs <see cref="OverdueSweep"/> at start and then on every interval. Nothing lives in memory:
/// after a restart, or on another instance, the next sweep finds in the database what is still due.
/// </summary>
public sealed class OverdueSweeper(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider clock, ILogger<OverdueSweeper> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepInBackground)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<OverdueSweep>().RunAsync(stoppingToken);
                if (result.Events + result.Orders > 0)
                {
                    log.LogInformation("Overdue sweep recorded {Events} events and {Orders} supervision orders", result.Events, result.Orders);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be away for a moment; the next tick tries again.
                log.LogError(failure, "The overdue sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

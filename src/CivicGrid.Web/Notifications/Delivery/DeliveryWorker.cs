using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// Runs <see cref="DeliveryRound"/> on every instance: at once when a save here added
/// notifications, otherwise every poll interval. Nothing lives in memory; what a crash leaves
/// behind is found in the database by the next round, here or on another instance.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.InBackground)
        {
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var present = scope.ServiceProvider.GetServices<INotificationChannel>().Select(c => c.Channel).ToHashSet();
            foreach (var missing in Enum.GetValues<NotificationChannel>().Where(c => !present.Contains(c)))
            {
                log.LogWarning("No {Channel} notification channel is registered: its deliveries stay pending", missing);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<DeliveryRound>().RunAsync(stoppingToken);
                if (result.Failures > 0)
                {
                    log.LogInformation("Delivery round: {Messages} messages sent, {Failures} failed tries, {Held} deliveries held", result.Messages, result.Failures, result.Held);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be away for a moment; the next round tries again.
                log.LogError(failure, "A delivery round failed");
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }
}

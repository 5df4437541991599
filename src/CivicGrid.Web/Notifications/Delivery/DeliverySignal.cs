namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// Wakes this instance's delivery worker when notifications were committed here, so in-app notices
/// go out in milliseconds. Other instances and later due times are found by the worker's poll.
/// </summary>
public sealed class DeliverySignal(TimeProvider clock)
{
    private readonly SemaphoreSlim _woken = new(0, 1);

    public void Wake()
    {
        // At most one wake-up is pending: many saves before the worker looks need one round only.
        try
        {
            _woken.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> has passed on the platform's clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timedOut = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timedOut.Token);
        try
        {
            await _woken.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

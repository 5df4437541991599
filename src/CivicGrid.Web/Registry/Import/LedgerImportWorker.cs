using System.Threading.Channels;

namespace CivicGrid.Web.Registry.Import;

/// <summary>Ledger imports waiting for <see cref="LedgerImportWorker"/>, by id; their state is in their job files.</summary>
public sealed class LedgerImportQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(string id) => _ids.Writer.TryWrite(id);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _ids.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Imports ledgers one at a time, outside the request that asked (100,000 rows take longer than
/// any proxy waits). Nothing but ids lives in memory: at start it queues again what a stopped
/// server left queued or running, and such an import starts again from its first row, which
/// is safe because importing rows already written changes nothing.
/// </summary>
public sealed class LedgerImportWorker(IServiceScopeFactory scopes, LedgerImports imports, LedgerImportQueue queue, ILogger<LedgerImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var id in await imports.UnfinishedAsync(stoppingToken))
        {
            log.LogInformation("Ledger import {Id} was left unfinished by the last run of the server: it starts again", id);
            queue.Enqueue(id);
        }

        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LedgerImportDesk>().ImportAsync(id, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                log.LogError(failure, "Ledger import {Id} failed", id);
            }
        }
    }
}

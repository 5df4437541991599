using CivicGrid.Web.Indicators.Cells;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// Gives every event without an outcome row its row, at start-up: events stored before the
/// outcomes existed, and events loaded in bulk (benchmarks) that never passed a save with the
/// interceptor. Later saves keep the rows current; this only fills gaps. The stored cells are then
/// counted again from all the rows, once, rather than a difference written for every row.
/// </summary>
public static class OutcomeBackfill
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(CivicGridDb db, CancellationToken ct)
    {
        var written = await FillGapsAsync(db, ct);
        if (written > 0 || await CellRebuild.IsNeededAsync(db, ct))
        {
            await CellRebuild.RunAsync(db, ct);
        }

        return written;
    }

    private static async Task<int> FillGapsAsync(CivicGridDb db, CancellationToken ct)
    {
        // Rows are one to one with events (they go with them), so equal counts mean no gap: two
        // index counts at every start-up instead of looking for events without a row.
        if (await db.Events.CountAsync(ct) == await db.EventOutcomes.CountAsync(ct))
        {
            return 0;
        }

        var written = 0;
        var after = 0L;
        while (true)
        {
            // Walking on by id keeps each batch from passing over the events the batches before it gave rows.
            var events = await db.Events.Where(e => e.Id > after && !db.EventOutcomes.Any(o => o.EventId == e.Id)).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (events.Count == 0)
            {
                return written;
            }

            after = events[^1].Id;

            await OutcomeWriter.ProjectAsync(db, events, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += events.Count;
        }
    }
}

using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// Counts every cell again from the outcome rows: on a database that has rows but no cells (the
/// upgrade that brings the cells, or a release whose migration empties them because it changes
/// what a cell counts) and after the start-up backfill wrote rows. It runs at start-up, before the
/// platform listens, so no save adds a difference meanwhile.
/// </summary>
public static class CellRebuild
{
    private const int ReadBatch = 10_000;
    private const int WriteBatch = 5_000;

    public static async Task<bool> IsNeededAsync(CivicGridDb db, CancellationToken ct) =>
        !await db.UnitCells.AnyAsync(ct) && await db.EventOutcomes.AnyAsync(o => !o.Excluded, ct);

    public static async Task RunAsync(CivicGridDb db, CancellationToken ct)
    {
        await db.UnitCells.ExecuteDeleteAsync(ct);
        await db.UnitSteps.ExecuteDeleteAsync(ct);
        await db.UnitSquares.ExecuteDeleteAsync(ct);

        var all = new CellLedger();
        var after = 0L;
        while (true)
        {
            var rows = await db.EventOutcomes.AsNoTracking().Where(o => o.EventId > after).OrderBy(o => o.EventId).Take(ReadBatch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            after = rows[^1].EventId;
            foreach (var row in rows)
            {
                all.Add(row, +1);
            }
        }

        // Written unit by unit, so that one unit's months lie together on disk: a district's year is
        // then a few thousand pages read in order rather than a page for every cell.
        await WriteAsync(db, all.Cells().OrderBy(c => c.UnitId).ThenBy(c => c.Cohort).ThenBy(c => c.Month), db.UnitCells, ct);
        await WriteAsync(db, all.Steps().OrderBy(s => s.UnitId).ThenBy(s => s.Month), db.UnitSteps, ct);
        await WriteAsync(db, all.Squares().OrderBy(s => s.UnitId).ThenBy(s => s.Month), db.UnitSquares, ct);
    }

    private static async Task WriteAsync<T>(CivicGridDb db, IEnumerable<T> rows, DbSet<T> set, CancellationToken ct) where T : class
    {
        foreach (var chunk in rows.Chunk(WriteBatch))
        {
            set.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}

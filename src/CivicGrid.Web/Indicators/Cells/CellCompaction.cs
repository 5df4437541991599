using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// Folds the differences saves append to the cells, step counts and squares into one row per key,
/// so a dashboard reads about as many rows as it shows. The sums are the same before and after,
/// and a reader's one statement sees either side of a fold, so folding only ever saves reading.
/// </summary>
public sealed class CellCompaction(CivicGridDb db)
{
    /// <summary>
    /// Folds the unit-months that rows after <paramref name="after"/> fall in, or from the start
    /// (<see cref="FoldedUpTo.Nothing"/>) every unit-month with a key stored twice; returns where to go on from next time.
    /// </summary>
    public async Task<FoldedUpTo> RunAsync(FoldedUpTo after, CancellationToken ct) =>
        new(await FoldCellsAsync(after.Cells, ct), await FoldStepsAsync(after.Steps, ct), await FoldSquaresAsync(after.Squares, ct));

    private async Task<long> FoldCellsAsync(long after, CancellationToken ct)
    {
        var upTo = await db.UnitCells.MaxAsync(c => (long?)c.Id, ct) ?? after;
        var months = after == 0
            ? await db.UnitCells.GroupBy(c => new { c.UnitId, c.Cohort, c.Month, c.Week, c.CategoryId, c.Source, c.PlaceId }).Where(g => g.Count() > 1)
                .Select(g => new { g.Key.UnitId, g.Key.Cohort, g.Key.Month }).Distinct().ToListAsync(ct)
            : await db.UnitCells.Where(c => c.Id > after && c.Id <= upTo)
                .Select(c => new { c.UnitId, c.Cohort, c.Month }).Distinct().ToListAsync(ct);
        foreach (var m in months)
        {
            var rows = await db.UnitCells.AsNoTracking().Where(c => c.UnitId == m.UnitId && c.Cohort == m.Cohort && c.Month == m.Month).ToListAsync(ct);
            var repeated = rows.GroupBy(c => (c.Week, c.CategoryId, c.Source, c.PlaceId)).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            var folded = new CellLedger();
            repeated.ForEach(folded.Add);
            await ReplaceAsync(db.UnitCells, repeated.Select(c => c.Id).ToList(), folded.Cells(), ct);
        }

        return upTo;
    }

    private async Task<long> FoldStepsAsync(long after, CancellationToken ct)
    {
        var upTo = await db.UnitSteps.MaxAsync(s => (long?)s.Id, ct) ?? after;
        var months = after == 0
            ? await db.UnitSteps.GroupBy(s => new { s.UnitId, s.Month, s.Step, s.Bucket }).Where(g => g.Count() > 1)
                .Select(g => new { g.Key.UnitId, g.Key.Month }).Distinct().ToListAsync(ct)
            : await db.UnitSteps.Where(s => s.Id > after && s.Id <= upTo)
                .Select(s => new { s.UnitId, s.Month }).Distinct().ToListAsync(ct);
        foreach (var m in months)
        {
            var rows = await db.UnitSteps.AsNoTracking().Where(s => s.UnitId == m.UnitId && s.Month == m.Month).ToListAsync(ct);
            var repeated = rows.GroupBy(s => (s.Step, s.Bucket)).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            var folded = new CellLedger();
            repeated.ForEach(folded.Add);
            await ReplaceAsync(db.UnitSteps, repeated.Select(s => s.Id).ToList(), folded.Steps(), ct);
        }

        return upTo;
    }

    private async Task<long> FoldSquaresAsync(long after, CancellationToken ct)
    {
        var upTo = await db.UnitSquares.MaxAsync(s => (long?)s.Id, ct) ?? after;
        var months = after == 0
            ? await db.UnitSquares.GroupBy(s => new { s.UnitId, s.Month, s.Latitude, s.Longitude }).Where(g => g.Count() > 1)
                .Select(g => new { g.Key.UnitId, g.Key.Month }).Distinct().ToListAsync(ct)
            : await db.UnitSquares.Where(s => s.Id > after && s.Id <= upTo)
                .Select(s => new { s.UnitId, s.Month }).Distinct().ToListAsync(ct);
        foreach (var m in months)
        {
            var rows = await db.UnitSquares.AsNoTracking().Where(s => s.UnitId == m.UnitId && s.Month == m.Month).ToListAsync(ct);
            var repeated = rows.GroupBy(s => (s.Latitude, s.Longitude)).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            var folded = new CellLedger();
            repeated.ForEach(folded.Add);
            await ReplaceAsync(db.UnitSquares, repeated.Select(s => s.Id).ToList(), folded.Squares(), ct);
        }

        return upTo;
    }

    /// <summary>
    /// Deletes the rows read and adds their sums in one transaction; when another fold took some
    /// of them first, nothing changes here, so no difference is ever counted twice.
    /// </summary>
    private async Task ReplaceAsync<T>(DbSet<T> set, List<long> ids, IEnumerable<T> sums, CancellationToken ct) where T : class
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await set.Where(r => ids.Contains(EF.Property<long>(r, "Id"))).ExecuteDeleteAsync(ct);
        if (deleted != ids.Count)
        {
            await transaction.RollbackAsync(ct);
            return;
        }

        set.AddRange(sums);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>The last id of each table a fold has taken; ids are per table.</summary>
public sealed record FoldedUpTo(long Cells, long Steps, long Squares)
{
    public static readonly FoldedUpTo Nothing = new(0, 0, 0);
}

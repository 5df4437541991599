using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Search;

/// <summary>
/// Gives events stored before the full-text index existed their terms, at start-up, so a
/// database upgraded by the EventSearch migration finds its old events too. Every event written
/// since has terms (its number alone makes some), so on an up-to-date database this is one query.
/// </summary>
public static class EventSearchBackfill
{
    private const int Batch = 1000;

    public static async Task RunAsync(CivicGridDb db, CancellationToken ct)
    {
        while (true)
        {
            var events = await db.Events.Where(e => e.SearchTerms == "").OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (events.Count == 0)
            {
                return;
            }

            events.ForEach(e => e.IndexText());
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}

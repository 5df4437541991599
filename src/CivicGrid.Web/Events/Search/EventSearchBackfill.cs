using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Search;

/// <summary>
/// Gives events stored before the full-text index existed their terms, right after the
/// EventSearch migration, so an upgraded database finds its old events too. The terms are cut
/// in C# (<see cref="SearchTerms"/>), which a migration's SQL cannot do.
/// </summary>
public static class EventSearchBackfill
{
    private const int Batch = 1000;

    /// <summary>Whether applying this migration leaves events without terms.</summary>
    public static bool IsNeededAfter(string migrationId) => migrationId.EndsWith("_EventSearch", StringComparison.Ordinal);

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

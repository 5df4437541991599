using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// Rewrites the outcome rows of the events a save touches, and adds what that changes to the
/// stored cells, in that save: the workflow, the overdue sweep, callbacks, ratings, supervision,
/// merges and relocation all save through here, so none of them can leave an outcome or a
/// dashboard behind (decisions 0017 and 0018).
/// </summary>
/// <remarks>
/// The differences are worked out from the rows as stored, so a save must not be tried again on a
/// context whose save failed (the platform clears the context after every failed save it catches).
/// </remarks>
public sealed class OutcomeInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ProjectAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ProjectAsync(eventData.Context, cancellationToken);
        return result;
    }

    private static async Task ProjectAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not CivicGridDb db)
        {
            return;
        }

        // The save detects changes only after this runs; the collections just added to must be seen now.
        db.ChangeTracker.DetectChanges();
        var difference = await OutcomeWriter.ProjectAsync(db, await OutcomeWriter.TouchedAsync(db, ct), ct);
        difference.WriteTo(db);
    }
}

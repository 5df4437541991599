using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Reviews;

/// <summary>An event a resident called unsatisfied, waiting for the centre's review.</summary>
public sealed record ReviewItem(long EventId, string Number, string Title, string Address, EventStatus Status, Satisfaction? Satisfaction, string? Comment, DateTime? ClosedAt, DateTime RequestedAt);

/// <summary>
/// 不满意复核: what a resident called unsatisfied (by rating or callback) waits here for the centre
/// whose place it stands in. The centre reopens it (the state machine's Reopen, which clears the
/// request) or confirms it closed with a reason that stays in the timeline.
/// </summary>
public sealed class ReviewQueue(CivicGridDb db, TimeProvider clock)
{
    public const int NoteMaxLength = 1000;

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(Caller caller, CancellationToken ct)
    {
        var scope = ScopeOf(caller);
        return await db.Events.AsNoTracking()
            .Where(e => e.ReviewRequestedAt != null && e.PlacePath.StartsWith(scope))
            .OrderBy(e => e.ReviewRequestedAt).ThenBy(e => e.Id)
            .Select(e => new ReviewItem(e.Id, e.Number, e.Title, e.Address, e.Status, e.Satisfaction, e.EvaluationComment, e.ClosedAt, e.ReviewRequestedAt!.Value))
            .ToListAsync(ct);
    }

    public Task<int> CountAsync(Caller caller, CancellationToken ct)
    {
        var scope = ScopeOf(caller);
        return db.Events.CountAsync(e => e.ReviewRequestedAt != null && e.PlacePath.StartsWith(scope), ct);
    }

    /// <summary>The centre stands by the result: the request is cleared and the reason kept in the timeline.</summary>
    public async Task ConfirmAsync(long eventId, string? note, Caller caller, CancellationToken ct)
    {
        new Validation().Text(note, "note", NoteMaxLength).ThrowIfInvalid();
        var scope = ScopeOf(caller);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId && x.PlacePath.StartsWith(scope), ct)
            ?? throw DomainException.NotFound();
        if (e.ReviewRequestedAt is null)
        {
            throw DomainException.Conflict("Review.NotPending");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.ReviewRequestedAt = null;
        e.UpdatedAt = now;
        e.Version++;
        e.Timeline.Add(EventReporting.Entry(EventAction.ReviewConfirmed, e.Status, e.Status, caller, now, null, note));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The same desk as callbacks: a street or district centre's dispatchers, over their place.</summary>
    private static string ScopeOf(Caller caller) =>
        CallbackDesk.IsFor(caller) ? caller.PlaceScopePath! : throw DomainException.Forbidden("Review.OnlyCentres");
}

using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events;

/// <summary>
/// One evaluation (评价) of an event, kept for good: reopening an event starts a new round but
/// leaves the evaluations of earlier rounds here, so a 不满意 that led to a reopen still counts.
/// <see cref="Event.Satisfaction"/> stays as the current round's rating because the pages show
/// "how was this round rated" and would otherwise each look up the latest row.
/// </summary>
public class Evaluation
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public Event? Event { get; set; }
    /// <summary>1 for the first closing, one more after each reopen.</summary>
    public int Round { get; set; }
    public Satisfaction Satisfaction { get; set; }
    public string? Comment { get; set; }
    public EvaluationSource Source { get; set; }
    /// <summary>
    /// This evaluation is the round's rating (the one <see cref="Event.Satisfaction"/> took). A
    /// callback reaching a reporter who had already rated is kept but is not: one rating per round.
    /// </summary>
    public bool IsRoundRating { get; set; }
    /// <summary>The resident's account (<see cref="EvaluationSource.Reporter"/>) or the staff member's.</summary>
    public Guid? ById { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}

public enum EvaluationSource
{
    /// <summary>The reporter rated it on the residents' pages.</summary>
    Reporter = 1,
    /// <summary>The centre called the reporter back (回访) and recorded their answer.</summary>
    Callback = 2,
    /// <summary>Staff recorded it in the workflow's evaluate step.</summary>
    Staff = 3,
}

public static class Evaluations
{
    /// <summary>
    /// Adds the evaluation to the context for the caller's SaveChanges; it is the round's rating when
    /// it is the one setting the event's <see cref="Event.Satisfaction"/> (done by the caller).
    /// </summary>
    public static async Task AddAsync(CivicGridDb db, Event e, Satisfaction satisfaction, string? comment, EvaluationSource source,
        bool isRoundRating, Guid? byId, string byName, DateTime now, CancellationToken ct)
    {
        var reopens = await db.TimelineEntries.CountAsync(t => t.EventId == e.Id && t.Action == EventAction.Reopen, ct);
        db.Evaluations.Add(new Evaluation
        {
            EventId = e.Id,
            Round = reopens + 1,
            Satisfaction = satisfaction,
            Comment = comment,
            Source = source,
            IsRoundRating = isRoundRating,
            ById = byId,
            ByName = byName,
            At = now,
        });
    }
}

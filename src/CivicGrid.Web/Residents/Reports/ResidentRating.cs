using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Reports;

/// <param name="Satisfaction">满意, 基本满意 or 不满意.</param>
public sealed record RatingRequest(Satisfaction? Satisfaction, string? Comment);

/// <summary>
/// The resident's own evaluation (评价) of a closed report: the state machine's Evaluate step, taken
/// by the reporter. "Unsatisfied" does not reopen the event by itself; it asks the governance centre
/// to review it (<see cref="Event.ReviewRequestedAt"/>), which reopens it or confirms it.
/// </summary>
public sealed class ResidentRating(CivicGridDb db, TimeProvider clock)
{
    public const int CommentMaxLength = 1000;

    public async Task<Event> RateAsync(Resident resident, string number, RatingRequest request, CancellationToken ct)
    {
        new Validation()
            .Require(request.Satisfaction is { } s && Enum.IsDefined(s), "satisfaction", "Validation.Required")
            .Text(request.Comment, "comment", CommentMaxLength, required: false)
            .ThrowIfInvalid();

        var e = await db.Events.SingleOrDefaultAsync(x => x.Number == number && x.ResidentId == resident.Id, ct)
            ?? throw DomainException.NotFound();
        if (!MyReports.MayRate(e.Status))
        {
            throw DomainException.Conflict(e.Status == EventStatus.Evaluated ? "Resident.Rate.AlreadyRated" : "Resident.Rate.NotClosed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        e.Satisfaction = request.Satisfaction;
        e.EvaluationComment = comment;
        e.Status = EventStatus.Evaluated;
        e.UpdatedAt = now;
        e.Version++;
        if (request.Satisfaction == Satisfaction.Unsatisfied)
        {
            e.ReviewRequestedAt ??= now;
        }

        await Evaluations.AddAsync(db, e, request.Satisfaction!.Value, comment, EvaluationSource.Reporter, isRoundRating: true, resident.Id, resident.PublicName, now, ct);

        e.Timeline.Add(TimelineEntry.ByResident(EventAction.Evaluate, EventStatus.Closed, EventStatus.Evaluated, resident.Id, resident.PublicName, now, comment));
        await db.SaveChangesAsync(ct);
        return e;
    }
}

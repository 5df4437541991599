using System.Globalization;
using System.Resources;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications.Sms;
using CivicGrid.Web.Notifications.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Callbacks;

/// <summary>
/// The centre's callback work: the due list of its place, recording what a call came to, and
/// asking the reporter for a rating by SMS. A reached callback's satisfaction counts as the
/// event's evaluation when the reporter has not rated it; "unsatisfied" asks the centre to review.
/// </summary>
public sealed class CallbackDeskWork(
    CivicGridDb db,
    IServiceProvider services,
    IOptions<CallbackOptions> options,
    IOptions<SmsOptions> sms,
    IOptions<NotificationTextOptions> texts,
    TimeProvider clock)
{
    /// <summary>Timeline notes and the SMS are in the platform's language (Chinese): residents and the record read them, not one dispatcher.</summary>
    private static readonly ResourceManager Words = new(typeof(Text));

    /// <summary>Where the SMS sends the reporter to rate.</summary>
    public const string RatingPath = "/r/mine";

    public async Task<Page<CallbackView>> DueAsync(PageRequest page, Caller caller, CancellationToken ct) =>
        await Views(InScope(caller).Where(c => c.Status == CallbackStatus.Due).OrderBy(c => c.SampledAt).ThenBy(c => c.Id))
            .ToPageAsync(page, ct);

    public async Task<CallbackView> GetAsync(long id, Caller caller, CancellationToken ct) =>
        await Views(InScope(caller).Where(c => c.Id == id)).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();

    public async Task<CallbackView> RecordAsync(long id, RecordOutcomeRequest request, Caller caller, CancellationToken ct)
    {
        var callback = await InScope(caller).Include(c => c.Event).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound();
        if (callback.Status != CallbackStatus.Due)
        {
            throw DomainException.Conflict("Callback.AlreadyRecorded");
        }

        new Validation()
            .Require(request.Outcome is { } outcome && Enum.IsDefined(outcome), "outcome", "Validation.Required")
            .Require(request.Outcome != CallbackOutcome.Reached || request.Satisfaction is { } s && Enum.IsDefined(s), "satisfaction", "Validation.Required")
            .Require(request.Outcome == CallbackOutcome.Reached || request.Satisfaction is null, "satisfaction", "Callback.SatisfactionOnlyWhenReached")
            .Text(request.Comment, "comment", CallbackConfiguration.CommentMaxLength, required: false)
            .ThrowIfInvalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var e = callback.Event!;
        var from = e.Status;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        string note;
        switch (request.Outcome!.Value)
        {
            case CallbackOutcome.Reached:
                var satisfaction = request.Satisfaction!.Value;
                callback.Status = CallbackStatus.Reached;
                callback.Satisfaction = satisfaction;
                await FeedAsync(e, satisfaction, comment, caller, now, ct);
                note = Say("Callback.Note.Reached", Say($"Satisfaction.{satisfaction}"));
                break;
            case CallbackOutcome.NotReached:
                callback.Attempts++;
                callback.LastAttemptAt = now;
                var givenUp = callback.Attempts >= options.Value.MaxAttempts;
                callback.Status = givenUp ? CallbackStatus.NotReached : CallbackStatus.Due;
                note = Say(givenUp ? "Callback.Note.GivenUp" : "Callback.Note.NotReached", callback.Attempts);
                break;
            default:
                callback.Status = CallbackStatus.Declined;
                note = Say("Callback.Note.Declined");
                break;
        }

        callback.Comment = comment ?? callback.Comment;
        callback.ByUserId = caller.UserId;
        callback.ByName = caller.DisplayName;
        callback.At = now;
        callback.Version++;
        // An internal entry: the reporter's words stay with the staff; the public timeline leaves callbacks out.
        e.Timeline.Add(EventReporting.Entry(EventAction.Callback, from, e.Status, caller, now, target: null, comment is null ? note : $"{note} {comment}"));
        await SaveAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>Sends the reporter a text asking them to rate the result on the residents' pages.</summary>
    public async Task<CallbackView> AskForRatingAsync(long id, Caller caller, CancellationToken ct)
    {
        var callback = await InScope(caller).Include(c => c.Event).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound();
        if (callback.Status != CallbackStatus.Due)
        {
            throw DomainException.Conflict("Callback.AlreadyRecorded");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var e = callback.Event!;
        var link = texts.Value.PublicBaseUrl.TrimEnd('/') + RatingPath;
        var text = texts.Value.Sms.Signature + Say("Callback.Sms", e.Number, link);
        var gateway = services.GetRequiredKeyedService<ISmsGateway>(sms.Value.Gateway);
        var parameters = new Dictionary<string, string> { ["number"] = e.Number, ["link"] = link };
        // A key per press: asking again later is a new message, a retry of the same press is not.
        var key = $"callback-{callback.Id}-{now.Ticks.ToString(CultureInfo.InvariantCulture)}";
        var sent = await gateway.SendAsync(new SmsMessage(key, e.ReporterPhone!, text, "CallbackRating", parameters), ct);
        if (!sent.Succeeded)
        {
            throw new DomainException(StatusCodes.Status502BadGateway, "Callback.SmsFailed");
        }

        callback.RatingSmsAt = now;
        callback.Version++;
        await SaveAsync(ct);
        return await GetAsync(id, caller, ct);
    }

    /// <summary>
    /// The reporter's answer on the phone is their evaluation when they have given none: the event is
    /// evaluated as if they had rated it. "Unsatisfied" always puts it before the centre for review.
    /// The answer is kept as an evaluation either way; it is the round's rating only in the first case.
    /// </summary>
    private async Task FeedAsync(Event e, Satisfaction satisfaction, string? comment, Caller caller, DateTime now, CancellationToken ct)
    {
        var isRoundRating = e.Satisfaction is null;
        await Evaluations.AddAsync(db, e, satisfaction, comment, EvaluationSource.Callback, isRoundRating, caller.UserId, caller.DisplayName, now, ct);
        if (isRoundRating)
        {
            e.Satisfaction = satisfaction;
            e.EvaluationComment = comment;
            if (e.Status == EventStatus.Closed)
            {
                e.Status = EventStatus.Evaluated;
            }

            e.UpdatedAt = now;
            e.Version++;
        }

        if (satisfaction == Satisfaction.Unsatisfied)
        {
            e.ReviewRequestedAt ??= now;
        }
    }

    /// <summary>The callbacks of closed events in the caller's place; refuses whoever is not a centre dispatcher.</summary>
    private IQueryable<Callback> InScope(Caller caller)
    {
        if (!CallbackDesk.IsFor(caller))
        {
            throw DomainException.Forbidden("Callback.NotCentre");
        }

        var scope = caller.PlaceScopePath!;
        return db.Callbacks.Where(c => c.Event!.PlacePath.StartsWith(scope)
            && (c.Event.Status == EventStatus.Closed || c.Event.Status == EventStatus.Evaluated)
            && c.Event.ReporterPhone != null);
    }

    private IQueryable<CallbackView> Views(IQueryable<Callback> callbacks)
    {
        var maxAttempts = options.Value.MaxAttempts;
        return callbacks.Select(c => new CallbackView(
            c.Id,
            c.EventId,
            c.Event!.Number,
            c.Event.Title,
            c.Event.CategoryId,
            c.Event.Category!.Name,
            c.Event.Status,
            c.Event.ClosedAt,
            c.Event.Timeline
                .Where(t => (t.Action == EventAction.Close || t.Action == EventAction.Feedback || t.Action == EventAction.SolveOnSpot || t.Action == EventAction.Verify) && t.Note != null)
                .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
                .Select(t => t.Note)
                .FirstOrDefault(),
            c.Event.ReporterPhone!,
            c.Event.Satisfaction,
            c.Status,
            c.Attempts,
            maxAttempts,
            c.SampledAt,
            c.LastAttemptAt,
            c.RatingSmsAt,
            c.Satisfaction,
            c.Comment,
            c.ByName,
            c.At));
    }

    /// <summary>Someone recorded the same callback (or changed its event) meanwhile: a refusal the page can show, like the API's 409.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("Problem.ChangedMeanwhile");
        }
    }

    private static string Say(string key, params object[] args) =>
        string.Format(WebServices.Chinese, Words.GetString(key, WebServices.Chinese) ?? key, args);
}

using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;

namespace CivicGrid.Web.Indicators;

/// <summary>The part of a timeline entry an outcome is drawn from.</summary>
public sealed record TimelineFact(EventAction Action, EventStatus? FromStatus, EventStatus ToStatus, int? TargetUnitId, DateTime At)
{
    public static TimelineFact Of(TimelineEntry t) => new(t.Action, t.FromStatus, t.ToStatus, t.TargetUnitId, t.At);
}

/// <summary>Everything an event's outcome depends on, as it stands after the save.</summary>
public sealed record OutcomeFacts(
    Event Event,
    IReadOnlyList<TimelineFact> Timeline,
    IReadOnlyList<Evaluation> Evaluations,
    Callback? Callback,
    IReadOnlyList<SupervisionOrder> Orders);

/// <summary>
/// The one place that decides what an event's <see cref="EventOutcome"/> says, from the event and
/// its timeline, ratings, callback and supervision orders; docs/indicators.md says why each is so.
/// </summary>
public static class OutcomeProjection
{
    private static readonly HashSet<EventAction> Acceptances = [EventAction.Accept, EventAction.Register, EventAction.Dispatch, EventAction.Summon, EventAction.SolveOnSpot];
    private static readonly HashSet<EventAction> LeadChoices = [EventAction.Dispatch, EventAction.Summon, EventAction.Reassign];

    /// <param name="facts">The timeline in the order it happened.</param>
    public static void Apply(OutcomeFacts facts, EventOutcome row)
    {
        var e = facts.Event;
        var timeline = facts.Timeline;
        row.PlacePath = e.PlacePath;
        row.StreetId = e.StreetId;
        row.CommunityId = e.CommunityId;
        row.GridId = e.GridId;
        row.LatitudeSquare = IndicatorMap.Square(e.Latitude);
        row.LongitudeSquare = IndicatorMap.Square(e.Longitude);
        row.CategoryId = e.CategoryId;
        row.Source = e.Source;
        row.Status = e.Status;
        row.Excluded = e.Status is EventStatus.Voided or EventStatus.Merged;
        row.LeadDepartmentId = timeline.LastOrDefault(t => LeadChoices.Contains(t.Action))?.TargetUnitId;

        row.ReportedAt = e.ReportedAt;
        (row.ReportedDay, row.ReportedWeek, row.ReportedMonth) = Days(e.ReportedAt);
        row.AcceptedAt = timeline.FirstOrDefault(t => Acceptances.Contains(t.Action))?.At;
        var closed = e.Status is EventStatus.Closed or EventStatus.Evaluated ? e.ClosedAt : null;
        row.ClosedAt = closed;
        (row.ClosedDay, row.ClosedWeek, row.ClosedMonth) = closed is { } at ? Days(at) : default((int?, int?, int?));

        row.SolvedOnSpot = timeline.Any(t => t.Action == EventAction.SolveOnSpot);
        row.OverdueCount = timeline.Count(t => t.Action == EventAction.Overdue);
        row.ClosedOnTime = closed is null ? null : row.OverdueCount == 0;
        row.Dispatched = timeline.Any(t => t.Action is EventAction.Dispatch or EventAction.Summon);
        row.ReturnCount = timeline.Count(t => t.Action == EventAction.Return);
        row.ReachedVerification = timeline.Any(t => t.Action == EventAction.Feedback);
        row.ReworkCount = timeline.Count(t => t.Action == EventAction.Rework);

        var minutes = MinutesPerStep(timeline);
        row.AcceptMinutes = minutes.GetValueOrDefault(EventStep.Accept);
        row.DispatchMinutes = minutes.GetValueOrDefault(EventStep.Dispatch);
        row.SignForMinutes = minutes.GetValueOrDefault(EventStep.SignFor);
        row.HandleMinutes = minutes.GetValueOrDefault(EventStep.Handle);
        row.VerifyMinutes = minutes.GetValueOrDefault(EventStep.Verify);
        row.TotalMinutes = closed is { } end ? Minutes(e.ReportedAt, end) : null;

        row.Rating = facts.Evaluations.Where(v => v.IsRoundRating).OrderBy(v => v.Round).ThenBy(v => v.At).LastOrDefault()?.Satisfaction;
        row.CallbackStatus = facts.Callback?.Status;
        row.CallbackSatisfaction = facts.Callback is { Status: CallbackStatus.Reached } reached ? reached.Satisfaction : null;

        row.SupervisionOrders = facts.Orders.Count;
        row.SupervisionAnsweredOnTime = facts.Orders.Count(o => o.Outcome == SupervisionOutcome.AnsweredOnTime);
        row.SupervisionAnsweredLate = facts.Orders.Count(o => o.Outcome == SupervisionOutcome.AnsweredLate);
        row.SupervisionUnanswered = facts.Orders.Count(o => o.Outcome == SupervisionOutcome.Unanswered);
        row.SupervisionConcluded = facts.Orders.Count(o => o.ConcludedAt is not null);
    }

    /// <summary>Day, week (its Monday) and month of an instant in China time, as yyyyMMdd and yyyyMM.</summary>
    public static (int Day, int Week, int Month) Days(DateTime utc)
    {
        var day = LocalTime.DayOf(utc);
        return (DayNumber(day), DayNumber(MondayOf(day)), (day.Year * 100) + day.Month);
    }

    public static int DayNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The time each stay in a status lasted, added up per step; a stay still running is left out,
    /// so a row changes only when something happens to the event, not as the clock runs.
    /// </summary>
    private static Dictionary<EventStep, int?> MinutesPerStep(IReadOnlyList<TimelineFact> timeline)
    {
        var totals = new Dictionary<EventStep, int?>();
        EventStatus? status = null;
        var since = DateTime.MinValue;
        foreach (var t in timeline)
        {
            if (t.ToStatus == status)
            {
                continue;
            }

            if (status is { } left && EventWorkflow.StepOf(left) is var step and not EventStep.None)
            {
                totals[step] = totals.GetValueOrDefault(step).GetValueOrDefault() + Minutes(since, t.At);
            }

            status = t.ToStatus;
            since = t.At;
        }

        return totals;
    }

    private static int Minutes(DateTime from, DateTime to) => (int)Math.Max(0, (to - from).TotalMinutes);
}

using CivicGrid.Web.Calendar;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Events;

/// <summary>When a step turns yellow (80% of its time used) and when it is overdue.</summary>
public sealed record StepDue(DateTime WarnAt, DateTime Deadline);

/// <summary>
/// The deadline of a step, from the category's table for that step and urgency: in working time
/// when the category says so (<see cref="WorkingCalendar"/>), in calendar time otherwise.
/// </summary>
public sealed class Deadlines(ReferenceSnapshot<CategoryCatalogue> catalogue, ReferenceSnapshot<WorkingCalendar> calendar)
{
    /// <summary>The share of a step's time after which it shows as nearly due (yellow).</summary>
    public const double WarnShare = 0.8;

    /// <summary>Used when a category has no row for a step: hours at normal urgency.</summary>
    private static readonly Dictionary<EventStep, int> FallbackHours = new()
    {
        [EventStep.Accept] = 2,
        [EventStep.Dispatch] = 2,
        [EventStep.SignFor] = 2,
        [EventStep.Handle] = 72,
        [EventStep.Verify] = 24,
    };

    public async Task<StepDue?> DueAsync(int categoryId, Urgency urgency, EventStep step, DateTime fromUtc, CancellationToken ct)
    {
        if (step == EventStep.None)
        {
            return null;
        }

        var categories = await catalogue.GetAsync(ct);
        var allowed = TimeSpan.FromMinutes(categories.MinutesFor(categoryId, step, urgency) ?? Fallback(step, urgency));
        var warnAfter = allowed * WarnShare;
        if (categories.Find(categoryId) is { WorkingTime: true })
        {
            var days = await calendar.GetAsync(ct);
            return new StepDue(days.AddWorkingTime(fromUtc, warnAfter), days.AddWorkingTime(fromUtc, allowed));
        }

        return new StepDue(fromUtc + warnAfter, fromUtc + allowed);
    }

    public static int Fallback(EventStep step, Urgency urgency) =>
        FallbackHours[step] * 60 / urgency switch
        {
            Urgency.Critical => 4,
            Urgency.Urgent => 2,
            _ => 1,
        };
}

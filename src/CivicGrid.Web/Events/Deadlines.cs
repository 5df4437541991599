using CivicGrid.Web.Categories;
using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Events;

/// <summary>
/// The deadline of a step, from the category's table for that step and urgency. Calendar time
/// for now; working-day calendars come with routing and supervision.
/// </summary>
public sealed class Deadlines(ReferenceSnapshot<CategoryCatalogue> catalogue)
{
    /// <summary>Used when a category has no row for a step: hours at normal urgency.</summary>
    private static readonly Dictionary<EventStep, int> FallbackHours = new()
    {
        [EventStep.Accept] = 2,
        [EventStep.Dispatch] = 2,
        [EventStep.SignFor] = 2,
        [EventStep.Handle] = 72,
        [EventStep.Verify] = 24,
    };

    public async Task<DateTime?> DueAsync(int categoryId, Urgency urgency, EventStep step, DateTime fromUtc, CancellationToken ct)
    {
        if (step == EventStep.None)
        {
            return null;
        }

        var minutes = (await catalogue.GetAsync(ct)).MinutesFor(categoryId, step, urgency);
        return fromUtc.AddMinutes(minutes ?? Fallback(step, urgency));
    }

    public static int Fallback(EventStep step, Urgency urgency) =>
        FallbackHours[step] * 60 / urgency switch
        {
            Urgency.Critical => 4,
            Urgency.Urgent => 2,
            _ => 1,
        };
}

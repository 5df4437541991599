using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Duplicates;

/// <summary>
/// Folds a duplicate into the event that carries on: the duplicate keeps its own timeline and
/// points to the survivor; its reporters become co-reporters of the survivor, so everyone who
/// found the problem follows one event to its end.
/// </summary>
public sealed class EventMerging(CivicGridDb db)
{
    /// <returns>The survivor, changed in the same unit of work as the duplicate.</returns>
    public async Task<Event> MergeAsync(Event duplicate, long? survivorId, Caller caller, DateTime now, string? note, CancellationToken ct)
    {
        var survivor = survivorId is { } id && id != duplicate.Id
            ? await db.Events.VisibleTo(caller).Include(x => x.CoReporters).SingleOrDefaultAsync(x => x.Id == id, ct)
            : null;
        if (survivor is null || !EventWorkflow.IsOpen(survivor.Status))
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["targetEventId"] = [survivor is null ? "Validation.UnknownEvent" : "Event.MergeIntoFinished"] });
        }

        duplicate.MergedIntoId = survivor.Id;
        foreach (var (userId, name) in ReportersOf(duplicate))
        {
            if (userId != survivor.ReporterId && survivor.CoReporters.All(r => r.UserId != userId))
            {
                survivor.CoReporters.Add(new EventCoReporter { UserId = userId, Name = name, JoinedAt = now });
            }
        }

        var entry = EventReporting.Entry(EventAction.MergedIn, survivor.Status, survivor.Status, caller, now, null, note);
        entry.TargetUnitName = duplicate.Number;
        survivor.Timeline.Add(entry);
        survivor.UpdatedAt = now;
        survivor.Version++;
        return survivor;
    }

    private static IEnumerable<(Guid UserId, string Name)> ReportersOf(Event e) =>
        e.CoReporters.Select(r => (r.UserId, r.Name)).Prepend((e.ReporterId, e.ReporterName));
}

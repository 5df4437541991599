using CivicGrid.Web.Identity;

namespace CivicGrid.Web.Events;

/// <summary>
/// The one filter that decides which events a caller can see. Every query of events starts
/// here; an event outside it does not exist for the caller (404, never 403).
/// See docs/decisions/0002-scope.md.
/// </summary>
public static class EventScope
{
    public static IQueryable<Event> VisibleTo(this IQueryable<Event> events, Caller caller)
    {
        var me = caller.UserId;
        // "Id IN (the events I joined)" rather than a per-row EXISTS: the database looks my joins up once per query.
        var joined = events.SelectMany(e => e.CoReporters).Where(r => r.UserId == me).Select(r => r.EventId);
        if (caller.PlaceScopePath is { } scope)
        {
            return events.Where(e => e.PlacePath.StartsWith(scope) || e.ReporterId == me || joined.Contains(e.Id));
        }

        var department = caller.UnitId;
        return events.Where(e => e.Assignments.Any(a => a.DepartmentId == department) || e.ReporterId == me || joined.Contains(e.Id));
    }
}

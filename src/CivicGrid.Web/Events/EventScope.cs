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
        if (caller.PlaceScopePath is { } scope)
        {
            return events.Where(e => e.PlacePath.StartsWith(scope) || e.ReporterId == me || e.CoReporters.Any(r => r.UserId == me));
        }

        var department = caller.UnitId;
        return events.Where(e => e.Assignments.Any(a => a.DepartmentId == department) || e.ReporterId == me || e.CoReporters.Any(r => r.UserId == me));
    }
}

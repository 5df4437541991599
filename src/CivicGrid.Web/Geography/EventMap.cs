using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Geography;

/// <summary>An event as a map marker: no more than a marker and its colour need.</summary>
public sealed record MapEvent(long Id, string Number, double Lat, double Lng, EventStatus Status, Urgency Urgency, int Category);

/// <summary>The events of a map window. <see cref="TooMany"/>: more matched than <see cref="Max"/>, and only the newest came; zoom in.</summary>
public sealed record MapEvents(IReadOnlyList<MapEvent> Events, bool TooMany, int Max);

/// <summary>What a marker shows when tapped.</summary>
public sealed record MapEventPopup(long Id, string Number, string Title, EventStatus Status, Urgency Urgency, int CategoryId, string Address, DateTime ReportedAt);

/// <summary>
/// A map window and its filters. <see cref="From"/> and <see cref="To"/> are calendar days in
/// Beijing time, both included; no statuses means every status.
/// </summary>
public sealed record MapFilter(BoundingBox Box, int? CategoryId = null, DateOnly? From = null, DateOnly? To = null, IReadOnlyList<EventStatus>? Statuses = null)
{
    /// <summary>Checks the parameters as they come from a query string and refuses them with 400 field errors.</summary>
    public static MapFilter Parse(string? bbox, int? categoryId, DateOnly? from, DateOnly? to, IReadOnlyList<EventStatus>? statuses)
    {
        var box = BoundingBox.Parse(bbox);
        new Validation()
            .Require(box is not null, "bbox", "Validation.BoundingBox")
            .Require(from is null || to is null || from <= to, "from", "Validation.PeriodOrder")
            .Require(statuses is null || statuses.All(Enum.IsDefined), "status", "Validation.UnknownValue")
            .ThrowIfInvalid();
        return new MapFilter(box!, categoryId, from, to, statuses is { Count: > 0 } ? statuses.Distinct().ToList() : null);
    }
}

/// <summary>The staff map's events, scoped like every other read of events (<see cref="EventScope"/>).</summary>
public sealed class EventMap(CivicGridDb db, IOptions<GeographyOptions> options)
{
    /// <summary>
    /// One query: the window on the (Latitude, Longitude) index, the caller's scope, the filters,
    /// a projection to the marker's fields, at most one row past the limit to tell "too many".
    /// </summary>
    public async Task<MapEvents> EventsAsync(MapFilter filter, Caller caller, CancellationToken ct)
    {
        var (west, south, east, north) = filter.Box;
        var events = db.Events.AsNoTracking().VisibleTo(caller)
            .Where(e => e.Latitude >= south && e.Latitude <= north && e.Longitude >= west && e.Longitude <= east)
            // A merged duplicate lives on in the event it was merged into, which has its own marker.
            .Where(e => e.Status != EventStatus.Merged);
        if (filter.CategoryId is { } categoryId)
        {
            events = events.Where(e => e.CategoryId == categoryId);
        }

        if (filter.From is { } from)
        {
            var start = LocalTime.StartOfDayUtc(from);
            events = events.Where(e => e.ReportedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = LocalTime.StartOfDayUtc(to.AddDays(1));
            events = events.Where(e => e.ReportedAt < end);
        }

        if (filter.Statuses is { } statuses)
        {
            events = events.Where(e => statuses.Contains(e.Status));
        }

        var max = options.Value.MapMaxEvents;
        // Past the limit, the newest: a sort of the window's rows (a few milliseconds for 10,000), and the same answer on every reload.
        var found = await events.OrderByDescending(e => e.ReportedAt).ThenByDescending(e => e.Id).Take(max + 1)
            .Select(e => new MapEvent(e.Id, e.Number, e.Latitude, e.Longitude, e.Status, e.Urgency, e.CategoryId))
            .ToListAsync(ct);
        return found.Count > max ? new MapEvents(found[..max], true, max) : new MapEvents(found, false, max);
    }

    public async Task<MapEventPopup> PopupAsync(long id, Caller caller, CancellationToken ct) =>
        await db.Events.AsNoTracking().VisibleTo(caller)
            .Where(e => e.Id == id)
            .Select(e => new MapEventPopup(e.Id, e.Number, e.Title, e.Status, e.Urgency, e.CategoryId, e.Address, e.ReportedAt))
            .SingleOrDefaultAsync(ct)
        ?? throw DomainException.NotFound();
}

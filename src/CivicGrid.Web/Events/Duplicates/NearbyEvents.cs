using CivicGrid.Web.Categories;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Events.Duplicates;

/// <summary>An open event near a new report: only what lets the reporter recognise it, nothing about people.</summary>
public sealed record NearbyEvent(long Id, string Number, string Title, string CategoryPlainName, EventStatus Status, DateTime ReportedAt, double DistanceMetres);

/// <summary>
/// "Someone reported this already — follow it?": open events of the same category within a
/// radius and a period. They are offered across the caller's whole district (an incident may
/// stand in the next community), showing only number, title, category, status and time; joining
/// makes the caller a co-reporter, who then sees the event as its reporter does.
/// </summary>
public sealed class NearbyEvents(
    CivicGridDb db,
    IOptions<DuplicateOptions> options,
    ReferenceSnapshot<OrganisationTree> organisation,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    TimeProvider clock)
{
    private const int MaxOffered = 5;
    private const double MetresPerDegreeLatitude = 111_195;

    private static readonly EventStatus[] Open = [.. Enum.GetValues<EventStatus>().Where(EventWorkflow.IsOpen)];

    public async Task<IReadOnlyList<NearbyEvent>> FindAsync(double? latitude, double? longitude, int? categoryId, Caller caller, CancellationToken ct, long? except = null) =>
        await FindAsync(latitude, longitude, categoryId, (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath).Path, ct, except);

    /// <summary>The same search for someone outside the hierarchy (a resident): within the district the point stands in.</summary>
    public async Task<IReadOnlyList<NearbyEvent>> FindAsync(double? latitude, double? longitude, int? categoryId, string districtPath, CancellationToken ct, long? except = null)
    {
        new Validation()
            .Position(latitude, longitude)
            .Require(categoryId is not null, "categoryId", "Validation.Required")
            .ThrowIfInvalid();
        var (lat, lng) = (latitude!.Value, longitude!.Value);
        var radius = options.Value.RadiusMetres;
        var dLat = radius / MetresPerDegreeLatitude;
        var dLng = radius / (MetresPerDegreeLatitude * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.Days);
        var district = districtPath;

        var candidates = await db.Events.AsNoTracking()
            .Where(e => e.Latitude >= lat - dLat && e.Latitude <= lat + dLat && e.Longitude >= lng - dLng && e.Longitude <= lng + dLng)
            .Where(e => e.CategoryId == categoryId && e.ReportedAt >= since && Open.Contains(e.Status) && e.PlacePath.StartsWith(district) && e.Id != except)
            .OrderByDescending(e => e.ReportedAt)
            .Take(50)
            .Select(e => new { e.Id, e.Number, e.Title, e.CategoryId, e.Status, e.ReportedAt, e.Latitude, e.Longitude })
            .ToListAsync(ct);

        var categories = await catalogue.GetAsync(ct);
        return candidates
            .Select(e => new NearbyEvent(e.Id, e.Number, e.Title, categories.Find(e.CategoryId)!.PlainName, e.Status, e.ReportedAt, Math.Round(DistanceMetres(lat, lng, e.Latitude, e.Longitude), 1)))
            .Where(e => e.DistanceMetres <= radius)
            .OrderBy(e => e.DistanceMetres)
            .Take(MaxOffered)
            .ToList();
    }

    /// <summary>The caller joins an open event of their district as a co-reporter (共同上报), instead of filing a duplicate.</summary>
    public async Task JoinAsync(long eventId, Caller caller, CancellationToken ct)
    {
        var district = (await organisation.GetAsync(ct)).DistrictOf(caller.UnitPath).Path;
        var e = await db.Events.Include(x => x.CoReporters)
            .SingleOrDefaultAsync(x => x.Id == eventId && x.PlacePath.StartsWith(district), ct)
            ?? throw DomainException.NotFound();
        if (!EventWorkflow.IsOpen(e.Status))
        {
            throw DomainException.Conflict("Event.JoinFinished");
        }

        if (e.ReporterId == caller.UserId || e.CoReporters.Any(r => r.UserId == caller.UserId))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.CoReporters.Add(new EventCoReporter { UserId = caller.UserId, Name = caller.DisplayName, JoinedAt = now });
        e.Timeline.Add(EventReporting.Entry(EventAction.Join, e.Status, e.Status, caller, now, null, null));
        e.UpdatedAt = now;
        e.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A resident follows an open event instead of reporting it again: a co-reporter who sees it in "my reports".</summary>
    public async Task JoinAsResidentAsync(string number, Guid residentId, string name, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.CoReporters).SingleOrDefaultAsync(x => x.Number == number, ct)
            ?? throw DomainException.NotFound();
        if (!EventWorkflow.IsOpen(e.Status))
        {
            throw DomainException.Conflict("Event.JoinFinished");
        }

        if (e.ResidentId == residentId || e.CoReporters.Any(r => r.UserId == residentId))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        e.CoReporters.Add(new EventCoReporter { UserId = residentId, Name = name, JoinedAt = now });
        e.Timeline.Add(TimelineEntry.ByResident(EventAction.Join, e.Status, e.Status, residentId, name, now));
        e.UpdatedAt = now;
        e.Version++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Equirectangular distance: exact enough within the few hundred metres a duplicate radius covers.</summary>
    private static double DistanceMetres(double lat1, double lng1, double lat2, double lng2)
    {
        var x = (lng2 - lng1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        var y = lat2 - lat1;
        return Math.Sqrt((x * x) + (y * y)) * MetresPerDegreeLatitude;
    }
}

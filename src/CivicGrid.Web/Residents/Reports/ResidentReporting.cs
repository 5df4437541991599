using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>
/// Turns a resident's one-screen report into an event: the place from the position, a pin or the
/// QR code just scanned; a title from the first words; the callback number; and the flood hold.
/// </summary>
public sealed class ResidentReporting(
    CivicGridDb db,
    EventReporting reporting,
    PlaceCodes codes,
    ReportThrottle throttle,
    IOptions<ResidentOptions> options,
    TimeProvider clock)
{
    /// <summary>Stored as the reporter's name when a resident does not sign in.</summary>
    public const string AnonymousName = "匿名群众";
    private const int TitleLength = 30;

    public async Task<Event> ReportAsync(ResidentReportRequest request, IReadOnlyList<Upload> photos, Resident? resident, string? address, CancellationToken ct)
    {
        throttle.Take(address);
        var description = request.Description?.Trim();
        var contact = resident?.Phone ?? PhoneNumbers.Normalise(request.ContactPhone);
        new Validation()
            .Text(description, "description", EventConfiguration.DescriptionMaxLength)
            .Text(request.Address, "address", EventConfiguration.AddressMaxLength, required: false)
            .Require(resident is not null || string.IsNullOrWhiteSpace(request.ContactPhone) || contact is not null, "contactPhone", "SignIn.PhoneInvalid")
            .ThrowIfInvalid();

        var place = await CodePlaceAsync(request.PlaceCode, ct);
        var eventRequest = new ReportRequest(
            TitleOf(description!),
            description,
            request.CategoryId,
            null,
            request.Latitude ?? place?.Latitude,
            request.Longitude ?? place?.Longitude,
            string.IsNullOrWhiteSpace(request.Address) ? place?.Address ?? "-" : request.Address,
            EventSource.Resident,
            place?.BuildingId);

        var held = contact is not null && await RecentReportsAsync(contact, ct) >= options.Value.FloodReportsPerHour;
        var reporter = new ResidentReporter(
            resident?.Id ?? Guid.NewGuid(),
            resident is null ? AnonymousName : resident.PublicName,
            resident?.Id,
            contact,
            held);
        return await reporting.ReportByResidentAsync(eventRequest, photos, reporter, ct);
    }

    public sealed record CodePlace(double Latitude, double Longitude, string Address, int? BuildingId);

    /// <summary>The place of the scanned code: a building's own point, or a point inside the grid; null without a code.</summary>
    public async Task<CodePlace?> CodePlaceAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var code = await codes.ResolveAsync(token, ct)
            ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["placeCode"] = ["Resident.Report.UnknownCode"] });
        var place = code.Place;
        if (place.Kind == PlaceCodeKind.Building)
        {
            var building = await db.Buildings.AsNoTracking().SingleAsync(b => b.Id == place.Id, ct);
            return new CodePlace(building.Latitude, building.Longitude, building.Address, building.Id);
        }

        var area = await db.GridBoundaries.AsNoTracking().Where(b => b.GridId == place.Id).Select(b => b.Area).SingleOrDefaultAsync(ct);
        var inside = area?.InteriorPoint;
        return inside is null ? null : new CodePlace(inside.Y, inside.X, place.Name, null);
    }

    private Task<int> RecentReportsAsync(string phone, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return db.Events.CountAsync(e => e.ReporterPhone == phone && e.ReportedAt > since, ct);
    }

    /// <summary>The first line of the description, cut at a readable length: residents are not asked for a title.</summary>
    private static string TitleOf(string description)
    {
        var line = description.Split('\n', 2)[0].Trim();
        return line.Length <= TitleLength ? line : line[..TitleLength] + "…";
    }
}

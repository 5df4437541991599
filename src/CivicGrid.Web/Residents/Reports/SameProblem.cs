using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>An open report of the same kind nearby, as a resident may see it: no title or words of another resident, no place finer than the distance.</summary>
public sealed record NearbyReport(string Number, string Category, EventStatus Status, DateTime ReportedAt, int DistanceMetres);

/// <summary>
/// "Someone reported this already — follow it?" for residents: the staff duplicate search over the
/// district the point stands in, cut down to what tells one resident nothing about another.
/// </summary>
public sealed class SameProblem(NearbyEvents nearby, IncidentPlaces places, ReferenceSnapshot<CategoryCatalogue> catalogue)
{
    public async Task<IReadOnlyList<NearbyReport>> NearbyAsync(double? latitude, double? longitude, int? categoryId, CancellationToken ct)
    {
        if (latitude is not { } lat || longitude is not { } lng || await places.ResolveAnywhereAsync(lat, lng, ct) is not { } place)
        {
            return [];
        }

        var categories = await catalogue.GetAsync(ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return (await nearby.FindAsync(latitude, longitude, categoryId, place.District.Path, ct))
            .Select(e => new NearbyReport(e.Number, english ? categories.Find(categoryId)?.NameEn ?? e.CategoryPlainName : e.CategoryPlainName, e.Status, e.ReportedAt, (int)Math.Round(e.DistanceMetres)))
            .ToList();
    }

    public Task FollowAsync(Resident resident, string number, CancellationToken ct) =>
        nearby.JoinAsResidentAsync(number, resident.Id, resident.PublicName, ct);
}

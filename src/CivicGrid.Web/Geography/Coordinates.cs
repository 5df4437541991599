using CivicGrid.Web.Infrastructure.Problems;

namespace CivicGrid.Web.Geography;

/// <summary>The one check of a position typed, sent or dragged: both numbers present, finite and on the globe.</summary>
public static class Coordinates
{
    public static Validation Position(this Validation check, double? latitude, double? longitude) => check
        .Require(latitude is { } lat && double.IsFinite(lat) && lat is >= -90 and <= 90, "latitude", "Validation.LatitudeRange")
        .Require(longitude is { } lng && double.IsFinite(lng) && lng is >= -180 and <= 180, "longitude", "Validation.LongitudeRange");
}

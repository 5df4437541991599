namespace CivicGrid.Web.Geography;

/// <summary>
/// Metres per degree of latitude and of longitude near a latitude, from the WGS-84 ellipsoid's
/// meridional and prime-vertical radii of curvature: a local equirectangular projection. Over the
/// few kilometres a grid or a tolerance spans it is within centimetres of the true distance; a
/// sphere would be off by up to 0.6 %.
/// </summary>
internal readonly record struct LocalScale(double MetresPerDegreeLatitude, double MetresPerDegreeLongitude)
{
    private const double SemiMajorAxis = 6_378_137.0;
    private const double EccentricitySquared = 0.00669437999014;

    public static LocalScale At(double latitude)
    {
        var radians = latitude * Math.PI / 180;
        var sin = Math.Sin(radians);
        var w = 1 - (EccentricitySquared * sin * sin);
        var meridional = SemiMajorAxis * (1 - EccentricitySquared) / (w * Math.Sqrt(w));
        var primeVertical = SemiMajorAxis / Math.Sqrt(w);
        return new LocalScale(meridional * Math.PI / 180, primeVertical * Math.Cos(radians) * Math.PI / 180);
    }

    /// <summary>Square metres of a small area given in square degrees.</summary>
    public double SquareMetres(double squareDegrees) => squareDegrees * MetresPerDegreeLatitude * MetresPerDegreeLongitude;
}

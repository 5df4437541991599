namespace CivicGrid.Web.Geography;

/// <summary>
/// WGS-84 ⇄ GCJ-02, the offset coordinates Chinese map providers (AMap/高德, Tencent) draw their
/// tiles in. We store WGS-84; a map over GCJ-02 tiles converts on the way in and out. This is the
/// public algorithm (Krasovsky ellipsoid constants, as in wandergis/coordtransform and
/// googollee/eviltransform); wwwroot/js/china-coordinates.js is the same code for the browser.
/// Outside a rough bounding box of China the coordinates are not offset.
/// </summary>
public static class ChinaCoordinates
{
    /// <summary>How close (degrees) the reverse conversion gets: about a centimetre.</summary>
    public const double ReverseTolerance = 1e-7;

    private const double A = 6378245.0;
    private const double Ee = 0.00669342162296594323;

    /// <summary>True outside longitude 73.66–135.05 and latitude 3.86–53.55, where no offset applies.</summary>
    public static bool IsOutsideChina(double latitude, double longitude) =>
        !(longitude > 73.66 && longitude < 135.05 && latitude > 3.86 && latitude < 53.55);

    public static (double Latitude, double Longitude) Wgs84ToGcj02(double latitude, double longitude)
    {
        if (IsOutsideChina(latitude, longitude))
        {
            return (latitude, longitude);
        }

        var (dLat, dLng) = Offset(latitude, longitude);
        return (latitude + dLat, longitude + dLng);
    }

    /// <summary>
    /// The WGS-84 point that <see cref="Wgs84ToGcj02"/> maps onto the given GCJ-02 point. The offset
    /// has no closed-form inverse; fixed-point iteration converges in a few steps because the
    /// offset changes slowly with position.
    /// </summary>
    public static (double Latitude, double Longitude) Gcj02ToWgs84(double latitude, double longitude)
    {
        if (IsOutsideChina(latitude, longitude))
        {
            return (latitude, longitude);
        }

        var (lat, lng) = (latitude, longitude);
        for (var i = 0; i < 30; i++)
        {
            var (dLat, dLng) = Offset(lat, lng);
            var errorLat = lat + dLat - latitude;
            var errorLng = lng + dLng - longitude;
            if (Math.Abs(errorLat) < ReverseTolerance && Math.Abs(errorLng) < ReverseTolerance)
            {
                break;
            }

            lat -= errorLat;
            lng -= errorLng;
        }

        return (lat, lng);
    }

    private static (double DLat, double DLng) Offset(double latitude, double longitude)
    {
        var x = longitude - 105.0;
        var y = latitude - 35.0;
        var radLat = latitude / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - (Ee * magic * magic);
        var sqrtMagic = Math.Sqrt(magic);
        var dLat = TransformLat(x, y) * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        var dLng = TransformLng(x, y) * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLng);
    }

    private static double TransformLat(double x, double y)
    {
        var ret = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320.0 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return ret;
    }

    private static double TransformLng(double x, double y)
    {
        var ret = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        ret += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        ret += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        ret += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return ret;
    }
}

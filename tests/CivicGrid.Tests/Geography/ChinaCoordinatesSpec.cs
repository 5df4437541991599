using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// WGS-84 ⇄ GCJ-02 against published conversion pairs of the two best-known open-source
/// implementations of the public algorithm.
/// </summary>
public sealed class ChinaCoordinatesSpec
{
    /// <summary>WGS-84 latitude, longitude → GCJ-02 latitude, longitude.</summary>
    public static TheoryData<string, double, double, double, double> KnownPairs => new()
    {
        // github.com/wandergis/coordtransform, test/app.js ("wgs84togcj02(116.404, 39.915)").
        { "Beijing, Tiananmen", 39.915, 116.404, 39.91640428150164, 116.41024449916938 },
        // github.com/googollee/eviltransform, python/test.py (TESTS: wgsLat, wgsLng, gcjLat, gcjLng).
        { "Shanghai", 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
        { "Shenzhen", 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
        { "Beijing", 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 },
    };

    [Theory]
    [MemberData(nameof(KnownPairs))]
    public void Wgs84_converts_to_the_published_gcj02_point(string place, double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        var (lat, lng) = ChinaCoordinates.Wgs84ToGcj02(wgsLat, wgsLng);

        Assert.True(Math.Abs(lat - gcjLat) < 1e-9 && Math.Abs(lng - gcjLng) < 1e-9, $"{place}: {lat}, {lng}");
    }

    [Theory]
    [MemberData(nameof(KnownPairs))]
    public void Gcj02_converts_back_to_the_wgs84_point_within_a_ten_millionth_of_a_degree(string place, double wgsLat, double wgsLng, double gcjLat, double gcjLng)
    {
        var (lat, lng) = ChinaCoordinates.Gcj02ToWgs84(gcjLat, gcjLng);

        Assert.True(Math.Abs(lat - wgsLat) < 1e-7 && Math.Abs(lng - wgsLng) < 1e-7, $"{place}: {lat}, {lng}");
    }

    [Fact]
    public void The_offset_near_the_demo_district_is_a_few_hundred_metres()
    {
        // 毅阳社区, 龙文区, Zhangzhou.
        var (lat, lng) = ChinaCoordinates.Wgs84ToGcj02(24.5128, 117.7102);

        var metres = Math.Sqrt(Math.Pow((lat - 24.5128) * 111_195, 2) + Math.Pow((lng - 117.7102) * 111_195 * Math.Cos(24.5128 * Math.PI / 180), 2));
        Assert.InRange(metres, 300, 700);
    }

    [Fact]
    public void The_reverse_conversion_undoes_the_forward_one_all_over_china()
    {
        for (var lat = 18.0; lat < 53; lat += 0.73)
        {
            for (var lng = 74.0; lng < 135; lng += 0.91)
            {
                var gcj = ChinaCoordinates.Wgs84ToGcj02(lat, lng);
                var back = ChinaCoordinates.Gcj02ToWgs84(gcj.Latitude, gcj.Longitude);
                Assert.True(Math.Abs(back.Latitude - lat) < 1e-7 && Math.Abs(back.Longitude - lng) < 1e-7, $"{lat}, {lng} came back as {back}");
            }
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(35.6895, 139.6917)]
    [InlineData(51.5074, -0.1278)]
    [InlineData(1.3521, 103.8198)]
    public void Outside_china_nothing_is_offset(double lat, double lng)
    {
        Assert.True(ChinaCoordinates.IsOutsideChina(lat, lng));
        Assert.Equal((lat, lng), ChinaCoordinates.Wgs84ToGcj02(lat, lng));
        Assert.Equal((lat, lng), ChinaCoordinates.Gcj02ToWgs84(lat, lng));
    }
}

using CivicGrid.Tests.Geography;
using CivicGrid.Web.Geography;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The map's JavaScript conversion (wwwroot/js/china-coordinates.js) agrees with the server's
/// (Geography/ChinaCoordinates.cs), run where it will run: in the browser. Node would do as well,
/// but CI installs only Chromium.
/// </summary>
[Collection(HeadlessChromiumCollection.Name)]
public sealed class ChinaCoordinatesInTheBrowser(HeadlessChromium chromium)
{
    [Fact]
    public async Task The_browser_converts_the_published_pairs_and_a_sweep_of_china_exactly_as_the_server()
    {
        var points = ChinaCoordinatesSpec.KnownPairs.Select(row => new[] { (double)row[1], (double)row[2] }).ToList();
        for (var lat = 18.0; lat < 53; lat += 2.3)
        {
            for (var lng = 74.0; lng < 135; lng += 2.9)
            {
                points.Add([lat, lng]);
            }
        }

        points.Add([35.6895, 139.6917]);
        var page = await chromium.PageWithAsync("Assets/china-coordinates.js");

        var browser = await page.EvaluateAsync<double[][]>("""
            points => points.map(([lat, lng]) => {
              const gcj = ChinaCoordinates.wgs84ToGcj02(lat, lng);
              const wgs = ChinaCoordinates.gcj02ToWgs84(lat, lng);
              return [gcj.lat, gcj.lng, wgs.lat, wgs.lng];
            })
            """, points);

        Assert.Equal(points.Count, browser.Length);
        for (var i = 0; i < points.Count; i++)
        {
            var (lat, lng) = (points[i][0], points[i][1]);
            var gcj = ChinaCoordinates.Wgs84ToGcj02(lat, lng);
            var wgs = ChinaCoordinates.Gcj02ToWgs84(lat, lng);
            double[] server = [gcj.Latitude, gcj.Longitude, wgs.Latitude, wgs.Longitude];
            Assert.True(server.Zip(browser[i]).All(pair => Math.Abs(pair.First - pair.Second) < 1e-12), $"({lat}, {lng}): server {string.Join(", ", server)}, browser {string.Join(", ", browser[i])}");
        }
    }
}

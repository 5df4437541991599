using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;

namespace CivicGrid.Tests.Residents;

/// <summary>
/// A resident's phone on 3G pays for every byte and every round trip: pages come compressed, and
/// style sheets and scripts are fingerprinted, compressed and kept for a year.
/// </summary>
public sealed partial class SlowNetworkTests : AppTest
{
    [Fact]
    public async Task The_report_form_comes_compressed_to_a_browser_that_accepts_it()
    {
        var phone = App.CreateClient();
        var plain = await (await phone.GetAsync("/r/report")).Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/r/report");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await phone.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var page = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Contains("data-testid=\"report-form\"", page);
        Assert.True(compressed.Length * 2 < plain.Length, $"{compressed.Length} bytes compressed of {plain.Length}");
    }

    [Fact]
    public async Task The_category_catalogue_on_the_form_is_written_as_Chinese_not_escaped()
    {
        var page = await (await App.CreateClient().GetAsync("/r/report")).Content.ReadAsStringAsync();

        var catalogue = CatalogueJson().Match(page).Groups[1].Value;
        Assert.Contains("垃圾", catalogue);
        Assert.DoesNotContain("\\u", catalogue);
    }

    [Fact]
    public async Task Style_sheets_and_scripts_of_the_residents_pages_are_fingerprinted_compressed_and_kept_a_year()
    {
        var phone = App.CreateClient();
        var page = await (await phone.GetAsync("/r/report")).Content.ReadAsStringAsync();

        var files = StaticUrl().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(files, f => f.StartsWith("/css/resident.", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("/lib/leaflet/leaflet.", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.Matches(Fingerprinted(), file);
            using var request = new HttpRequestMessage(HttpMethod.Get, file);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var response = await phone.SendAsync(request);
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task The_service_worker_is_asked_for_afresh_every_time()
    {
        using var response = await App.CreateClient().GetAsync("/r/sw.js");

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("civicgrid-resident", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("""<script type="application/json" class="category-tree">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex CatalogueJson();

    [GeneratedRegex("(?:src|href)=\"(/(?:css|js|lib)/[^\"]+)\"")]
    private static partial Regex StaticUrl();

    [GeneratedRegex(@"\.[a-z0-9]{10}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}

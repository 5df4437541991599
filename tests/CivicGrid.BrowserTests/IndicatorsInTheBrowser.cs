using System.Globalization;
using CivicGrid.Tests.Indicators;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CivicGrid.BrowserTests;

/// <summary>
/// 数智考评 on a 360 px phone: a community head reads her month's figures beside their charts,
/// opens the events behind "received", comes back and exports the same figures as .xlsx; then
/// she opens the map of her grids and the monthly summary as it prints.
/// </summary>
public sealed class IndicatorsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_community_head_reads_the_dashboard_on_a_phone_follows_a_count_to_its_events_exports_the_same_figures_and_opens_the_map_and_the_A4_summary()
    {
        var grid3 = await host.App.QueryAsync(db => Task.FromResult(db.OrgUnits.Single(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Id));
        var api = await host.App.SignInAsync("chenliting");
        await api.ReportAsync(EventsClient.Report(await host.App.SpotInGridAsync(grid3), title: "楼道堆放杂物"));
        await api.ReportAsync(EventsClient.Report(await host.App.SpotInGridAsync(grid3), title: "路灯不亮"));
        var received = (await api.IndicatorsAsync()).Totals.Received.ToString(CultureInfo.InvariantCulture);

        var chen = await host.PhoneOfAsync("chenliting");
        await chen.GetByTestId("nav-indicators").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("indicator-totals")).ToBeVisibleAsync();
        await Assertions.Expect(chen.Locator("[data-testid=indicator-chart] canvas").First).ToBeVisibleAsync();
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the dashboard scrolls sideways on a phone");
        var count = chen.GetByTestId("total-Received").GetByTestId("count");
        await Assertions.Expect(count).ToHaveTextAsync(received);

        await count.ClickAsync();
        await Assertions.Expect(chen.GetByTestId("indicator-events-total")).ToHaveAttributeAsync("data-total", received);
        await Assertions.Expect(chen.GetByTestId("indicator-event")).ToHaveCountAsync(int.Parse(received, CultureInfo.InvariantCulture));

        await chen.GoBackAsync();
        var download = await chen.RunAndWaitForDownloadAsync(() => chen.GetByTestId("indicator-export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"indicators-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(file);
            var rows = MiniExcel.Query(file, useHeaderRow: false, sheetName: "总体指标").Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
            Assert.StartsWith("毅阳社区", rows[0][0]);
            Assert.Equal(received, rows.Single(r => r[0] == "收件数")[1]);
        }
        finally
        {
            File.Delete(file);
        }

        await chen.GetByTestId("indicator-map-link").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("indicator-map")).ToBeVisibleAsync();
        await Assertions.Expect(chen.Locator("[data-testid=indicator-map] path.leaflet-interactive").First).ToBeVisibleAsync();
        await Assertions.Expect(chen.Locator("[data-testid=indicator-map] canvas.leaflet-heatmap-layer")).ToHaveCountAsync(1);
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the map page scrolls sideways on a phone");

        await chen.GoBackAsync();
        await chen.GetByTestId("indicator-summary-link").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("summary-totals")).ToBeVisibleAsync();
        await Assertions.Expect(chen.GetByTestId("summary-print")).ToBeVisibleAsync();
        await chen.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(chen.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(chen.GetByTestId("summary-print")).ToBeHiddenAsync();
        await Assertions.Expect(chen.GetByTestId("summary-totals")).ToBeVisibleAsync();
        var pdf = await chen.PdfAsync(new() { PreferCSSPageSize = true });
        var printed = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", printed);
        // A4 is 595 × 842 points; Chromium rounds it to 594.96 × 841.92.
        Assert.Matches(@"/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]", printed);
        await chen.EmulateMediaAsync(new() { Media = Media.Screen });
    }
}

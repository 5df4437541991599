using System.Globalization;
using CivicGrid.Tests.Indicators;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CivicGrid.BrowserTests;

/// <summary>
/// 数智考评 on a 360 px phone: a community head reads her month's figures beside their charts,
/// opens the events behind "received", comes back and exports the same figures as .xlsx.
/// </summary>
public sealed class IndicatorsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_community_head_reads_the_dashboard_on_a_phone_follows_a_count_to_its_events_and_exports_the_same_figures()
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
    }
}

using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Indicators;
using MiniExcelLibs;

namespace CivicGrid.Tests.Indicators;

/// <summary>The demo with its planted events, shared by the dashboard's tests: they only read.</summary>
public sealed class DemoActivity : IAsyncLifetime
{
    public CivicGridFactory App { get; } = new() { Settings = { ["Database:SeedDemoActivity"] = "true" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The 数智考评 page shows a community head the API's numbers, each opening a list of as many
/// events, explains a bad period, hides other communities, exports the same figures and speaks English.
/// </summary>
public sealed partial class DashboardPageTests(DemoActivity demo) : IClassFixture<DemoActivity>
{
    private const string Year = "from=2026-01-01&to=2026-11-23";

    [Fact]
    public async Task A_community_head_sees_the_numbers_the_API_gives_for_their_community()
    {
        var report = await (await demo.App.SignInAsync("chenliting")).IndicatorsAsync(Year);
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync($"/Indicators?{Year}&period=custom")).ShouldBePage(HttpStatusCode.OK);

        Assert.True(report.Totals.Received > 0, "the demo plants events in 毅阳社区 this year");
        Assert.Contains("data-testid=\"nav-indicators\"", page);
        Assert.Contains("毅阳社区 · 2026-01-01 至 2026-11-23", page);
        var shown = TotalsOn(page);
        foreach (var line in IndicatorTables.Totals(report))
        {
            var expected = line.IsShare ? IndicatorTables.Percent(line.Share) : IndicatorTables.Count(line.Count.Value);
            Assert.Equal((line.LabelKey, expected), (line.LabelKey, shown[line.LabelKey["Indicators.Figure.".Length..]]));
        }

        Assert.Contains("/lib/echarts/echarts.min.", page);
        Assert.Contains("type=\"application/json\" id=\"chart-category\"", page);
        Assert.Contains("role=\"img\"", page);
    }

    [Fact]
    public async Task Following_a_count_lists_as_many_events_as_the_count_says()
    {
        var report = await (await demo.App.SignInAsync("chenliting")).IndicatorsAsync(Year);
        var pages = await demo.App.SignInToPagesAsync("chenliting");
        var page = await (await pages.GetAsync($"/Indicators?{Year}&period=custom")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(report.Totals.Received, await TotalBehindAsync(pages, LinkIn(page, "total-Received", "count")));
        Assert.Equal(report.Totals.Closed, await TotalBehindAsync(pages, LinkIn(page, "total-ClosureRate", "share")));
        Assert.Equal(report.Totals.Received, await TotalBehindAsync(pages, LinkIn(page, "total-ClosureRate", "denominator")));
        Assert.Equal(report.OverdueNow, await TotalBehindAsync(pages, LinkIn(page, "total-OverdueNow", "count")));

        var category = report.ByCategory.OrderByDescending(r => r.Figures.Received).First();
        var cell = $"/Indicators/Events?unitId={report.Unit.Id}&from=2026-01-01&to=2026-11-23&indicator=Received&by=Category&key={category.Key}";
        Assert.Contains(WebUtility.HtmlEncode(cell), page);
        var list = await (await pages.GetAsync(cell)).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal(category.Figures.Received, Total(list));
        Assert.Contains("/Events/Detail/", list);
    }

    [Fact]
    public async Task Another_communitys_unit_is_not_found_and_shows_no_numbers()
    {
        var tanlin = await demo.App.IdOfUnitAsync("檀林社区");
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var response = await pages.GetAsync($"/Indicators?unitId={tanlin}&{Year}");
        var export = await pages.GetAsync($"/Indicators?handler=Export&unitId={tanlin}&{Year}");
        var drill = await pages.GetAsync($"/Indicators/Events?unitId={tanlin}&{Year}&indicator=Received");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("indicator-totals", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, drill.StatusCode);
        Assert.DoesNotContain("indicator-events-total", await drill.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_explained_on_the_page()
    {
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync("/Indicators?from=2026-11-20&to=2026-11-01&period=custom")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("data-testid=\"form-errors\"", page);
        Assert.Contains("开始日期不能晚于结束日期", page);
        Assert.DoesNotContain("indicator-totals", page);
    }

    [Fact]
    public async Task The_export_is_a_workbook_whose_totals_are_the_APIs()
    {
        var report = await (await demo.App.SignInAsync("chenliting")).IndicatorsAsync(Year);
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var response = await pages.GetAsync($"/Indicators?handler=Export&{Year}");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(IndicatorWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["总体指标", "环节用时", "按类别", "按来源", "按下级地区", "趋势（按月）"], file.GetSheetNames());
        var rows = file.Query(useHeaderRow: false, sheetName: "总体指标").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        Assert.Equal("毅阳社区 · 2026-01-01 至 2026-11-23", rows[0][0]);
        Assert.Equal(["指标", "数值", "分子", "分母"], rows[1]);
        Assert.Equal(report.Totals.Received.ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Single(r => r[0] == "收件数")[1]);
        Assert.Equal(
            [IndicatorTables.Percent(report.Totals.ClosureRate), $"{report.Totals.Closed}", $"{report.Totals.Received}"],
            rows.Single(r => r[0] == "结案率").Skip(1));
        Assert.Equal($"{report.OverdueNow}", rows.Single(r => r[0] == "当前超期")[1]);
    }

    [Fact]
    public async Task The_dashboard_speaks_English_on_request()
    {
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync($"/Indicators?{Year}&period=custom&culture=en")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("<h1>Indicators</h1>", page);
        Assert.Contains("On-time closure rate", page);
        Assert.Contains("Export to Excel", page);
        Assert.Contains("How these are counted", page);
    }

    [Fact]
    public async Task The_unit_picker_offers_only_the_callers_places()
    {
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync("/Indicators")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("毅阳社区", page);
        Assert.Contains("第3网格", page);
        Assert.DoesNotContain("檀林社区", page);
        Assert.Contains("option value=\"month\" selected=\"selected\"", page);
    }

    [Fact]
    public async Task The_definitions_page_says_how_each_figure_is_counted()
    {
        var pages = await demo.App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync("/Indicators/Definitions")).ShouldBePage(HttpStatusCode.OK);
        var english = await (await pages.GetAsync("/Indicators/Definitions?culture=en")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("按期结案率", page);
        Assert.Contains("已作废和已合并的事件不计入任何指标", page);
        Assert.Contains("On-time closure rate", english);
    }

    private static Dictionary<string, string> TotalsOn(string page) =>
        TotalRow().Matches(page).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value.Trim());

    private static string LinkIn(string page, string row, string testId)
    {
        var markup = Regex.Match(page, $"<tr data-testid=\"{row}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return WebUtility.HtmlDecode(Regex.Match(markup, $"<a href=\"([^\"]+)\" data-testid=\"{testId}\"").Groups[1].Value);
    }

    private static async Task<int> TotalBehindAsync(HttpClient pages, string url)
    {
        Assert.StartsWith("/Indicators/Events?", url);
        return Total(await (await pages.GetAsync(url)).ShouldBePage(HttpStatusCode.OK));
    }

    private static int Total(string list) =>
        int.Parse(Regex.Match(list, "data-testid=\"indicator-events-total\" data-total=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr data-testid=\"total-(?<key>\\w+)\">.*?data-testid=\"(?:count|share)\"[^>]*>(?<value>[^<]+)<", RegexOptions.Singleline)]
    private static partial Regex TotalRow();
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Reports;

namespace CivicGrid.Tests.Registry.Reports;

/// <summary>The standard 一表通 tables on the hand-made registry of <see cref="ReportData"/>, for the street, counted as of a day.</summary>
public sealed class StandardReportTests : AppTest
{
    private async Task<HttpClient> StreetCentreAsync()
    {
        await ReportData.PlantAsync(App);
        return await App.SignInAsync("wangjun");
    }

    [Fact]
    public async Task Population_table_counts_each_community_by_type_sex_and_age_with_a_total()
    {
        var centre = await StreetCentreAsync();

        var table = await centre.ReportAsync(StandardReports.Population);

        Assert.Equal("蓝田街道", table.UnitName);
        Assert.Equal(new DateOnly(2026, 11, 23), table.Date);
        Assert.Equal(["实有人口", "户籍人口", "流动人口", "租户", "男", "女", "60岁以上", "18岁以下"], table.Columns.Select(c => c.Header));
        Assert.Equal(["毅阳社区", "檀林社区", "湘桥社区"], table.Rows.Select(r => r.Label));
        // 赵四 lives in two grids of 毅阳 (租户 and 流动): one person, counted in both type columns.
        Assert.Equal([8, 4, 2, 3, 3, 5, 2, 1], table.Row("毅阳社区"));
        Assert.Equal([1, 0, 0, 1, 1, 0, 1, 0], table.Row("檀林社区"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0], table.Row("湘桥社区"));
        Assert.Equal("合计", table.Total.Label);
        Assert.Equal([9, 4, 2, 4, 4, 5, 3, 1], table.Total.Values);
        Assert.Contains("户籍人口", table.Columns[1].Definition);
    }

    [Fact]
    public async Task As_of_a_past_day_counts_who_lived_there_then_with_their_ages_then()
    {
        var centre = await StreetCentreAsync();

        var table = await centre.ReportAsync(StandardReports.Population, date: "2026-05-01");

        // 王八 moved out on 2026-06-01 and still counts; 冯九 moved in on 2026-10-01 and does not yet.
        Assert.Equal([8, 4, 2, 3, 4, 4, 2, 1], table.Row("毅阳社区"));
        Assert.Contains(table.Notes, n => n.Contains("2026-05-01"));
    }

    [Fact]
    public async Task Elderly_living_alone_are_counted_by_grid_with_every_grid_shown()
    {
        var centre = await StreetCentreAsync();

        var today = await centre.ReportAsync(StandardReports.ElderlyAlone);
        var may = await centre.ReportAsync(StandardReports.ElderlyAlone, date: "2026-05-01");

        Assert.Equal(10, today.Rows.Count);
        Assert.Equal([1, 0], today.Rows[0].Values);
        Assert.Equal([1, 1], today.Rows[2].Values);
        Assert.Equal([1, 1], today.Rows[4].Values);
        Assert.Equal([3, 2], today.Total.Values);
        // 陈十 was tagged on 2026-11-01: not yet in May.
        Assert.Equal([2, 1], may.Total.Values);
        Assert.Contains(today.Notes, n => n.Contains("无法追溯"));
    }

    [Fact]
    public async Task Rental_table_counts_rented_rooms_even_empty_and_tenants_and_their_households()
    {
        var centre = await StreetCentreAsync();

        var table = await centre.ReportAsync(StandardReports.Rentals);

        Assert.Equal(["出租房屋", "租户人数", "租户户数"], table.Columns.Select(c => c.Header));
        Assert.Equal([0, 0, 0], table.Rows[0].Values);
        Assert.Equal([2, 3, 2], table.Rows[2].Values);
        Assert.Equal([1, 1, 1], table.Rows[4].Values);
        Assert.Equal([3, 4, 3], table.Total.Values);
    }

    [Fact]
    public async Task Care_tag_table_has_a_column_per_standard_tag()
    {
        var centre = await StreetCentreAsync();

        var table = await centre.ReportAsync(StandardReports.CareTags);

        Assert.Equal(["独居老人", "空巢老人", "残疾人", "低保", "特困", "退役军人", "留守儿童", "重点人员"], table.Columns.Select(c => c.Header));
        Assert.Equal([2, 0, 0, 1, 0, 0, 1, 0], table.Row("毅阳社区"));
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0], table.Row("檀林社区"));
        Assert.Equal([3, 0, 0, 1, 0, 0, 1, 0], table.Total.Values);
    }

    [Fact]
    public async Task A_grid_worker_reports_on_their_grid_only_and_nowhere_else()
    {
        await ReportData.PlantAsync(App);
        var worker = await App.SignInAsync("qiumeiling");
        var population = await worker.TemplateIdAsync(StandardReports.Population);

        var table = await worker.ReportAsync(StandardReports.Population);

        Assert.Equal("第3网格", table.UnitName);
        Assert.Equal([6, 3, 0, 3, 3, 3, 1, 1], table.Row("毅阳社区"));
        await (await worker.TryReportAsync(population, await UnitAsync("毅阳社区"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await worker.TryReportAsync(population, await GridAsync("毅阳社区", 1))).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_community_head_cannot_report_on_another_community()
    {
        await ReportData.PlantAsync(App);
        var head = await App.SignInAsync("chenliting");
        var population = await head.TemplateIdAsync(StandardReports.Population);

        await (await head.TryReportAsync(population, await UnitAsync("檀林社区"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await head.TryReportAsync(population, await UnitAsync("蓝田街道"))).ShouldBeProblem(HttpStatusCode.NotFound);
        var own = await head.ReportAsync(StandardReports.Population, await GridAsync("毅阳社区", 1));
        Assert.Equal([3, 1, 2, 0, 1, 2, 1, 0], own.Row("毅阳社区"));
    }

    [Fact]
    public async Task A_day_after_today_is_refused()
    {
        var centre = await StreetCentreAsync();

        var problem = await (await centre.TryReportAsync(await centre.TemplateIdAsync(StandardReports.Population), date: "2026-11-24")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("今天", problem.GetProperty("detail").GetString());
    }
}

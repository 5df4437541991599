using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Reports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace CivicGrid.Tests.Registry.Reports;

/// <summary>Templates administrators define without code, refusals of wrong definitions, and the .xlsx and page of a report.</summary>
public sealed class CustomReportTests : AppTest
{
    private static object Template(string name, object definition) => new { name, description = "测试", definition };

    [Fact]
    public async Task An_administrator_defines_a_template_which_is_then_computed()
    {
        await ReportData.PlantAsync(App);
        var admin = await App.SignInAsync("admin");
        var adults = new
        {
            rows = "ResidenceType",
            filter = new { minAge = 18 },
            columns = new object[] { new { header = "成年人", count = "Persons" }, new { header = "户数", count = "Households" } },
        };

        var created = await (await admin.PostAsJsonAsync("/api/v1/registry/reports/templates", Template("成年人口类型表", adults))).ShouldBe<ReportTemplateView>(HttpStatusCode.Created);
        var table = await admin.ReportAsync("成年人口类型表", await UnitAsync("毅阳社区"));

        Assert.False(created.IsStandard);
        Assert.Equal(["户籍人口", "流动人口", "租户"], table.Rows.Select(r => r.Label));
        Assert.Equal([3, 3], table.Row("户籍人口"));
        Assert.Equal([2, 2], table.Row("流动人口"));
        Assert.Equal([3, 2], table.Row("租户"));
        Assert.Equal([7, 6], table.Total.Values);
        Assert.Contains("年满18岁", table.Columns[0].Definition);
    }

    [Fact]
    public async Task A_wrong_definition_is_refused_with_everything_wrong_and_nothing_saved()
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.ReportTemplates.CountAsync());
        var wrong = new
        {
            rows = "Grid",
            filter = new { minAge = 70, maxAge = 60 },
            columns = new object[]
            {
                new { header = "", count = "Persons" },
                new { header = "人数", count = "Persons", filter = new { careTagIds = new[] { 9999 } } },
                new { header = "人数", count = "Rooms" },
            },
        };

        var problem = await (await admin.PostAsJsonAsync("/api/v1/registry/reports/templates", Template("", wrong))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var none = await (await admin.PostAsJsonAsync("/api/v1/registry/reports/templates", Template("空表", new { rows = "Grid", columns = Array.Empty<object>() }))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "definition.filter.maxAge", "definition.columns[0].header", "definition.columns[1].filter.careTagIds", "definition.columns[2].header" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing from {errors}");
        }

        Assert.True(none.GetProperty("errors").TryGetProperty("definition.columns", out _));
        Assert.Equal(before, await App.QueryAsync(db => db.ReportTemplates.CountAsync()));
    }

    [Fact]
    public async Task Only_administrators_define_templates()
    {
        var head = await App.SignInAsync("chenliting");

        var response = await head.PostAsJsonAsync("/api/v1/registry/reports/templates", Template("我的表", new { rows = "None", columns = new[] { new { header = "人数", count = "Persons" } } }));

        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_xlsx_has_the_title_unit_headers_numbers_total_and_footer()
    {
        await ReportData.PlantAsync(App);
        var centre = await App.SignInAsync("wangjun");
        var population = await centre.TemplateIdAsync(StandardReports.Population);

        var response = await centre.TryReportAsync(population, format: "/xlsx");

        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("人口分类统计表_蓝田街道_2026-11-23.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
        Assert.Equal("人口分类统计表", rows[0][0]);
        Assert.Contains("蓝田街道", rows[1][0]);
        Assert.Contains("2026-11-23", rows[1][0]);
        Assert.Equal(["社区", "实有人口", "户籍人口", "流动人口", "租户", "男", "女", "60岁以上", "18岁以下"], rows[2]);
        Assert.Equal(["毅阳社区", "8", "4", "2", "3", "3", "5", "2", "1"], rows[3]);
        Assert.Equal(["合计", "9", "4", "2", "4", "4", "5", "3", "1"], rows[6]);
        Assert.Contains(rows, r => r[0].Contains("制表单位：蓝田街道综治中心") && r[0].Contains("制表日期：2026-11-23"));
    }

    [Fact]
    public async Task The_page_shows_the_table_with_its_definitions_and_the_export()
    {
        await ReportData.PlantAsync(App);
        var head = await App.SignInToPagesAsync("chenliting");
        var list = await (await head.GetAsync("/Registry/Reports")).ShouldBePage(HttpStatusCode.OK);
        var id = await (await App.SignInAsync("chenliting")).TemplateIdAsync(StandardReports.Rentals);

        var page = await (await head.GetAsync($"/Registry/Reports/{id}")).ShouldBePage(HttpStatusCode.OK);
        var file = await head.GetAsync($"/Registry/Reports/{id}?handler=Xlsx");
        var elsewhere = await head.GetAsync($"/Registry/Reports/{id}?unitId={await UnitAsync("檀林社区")}");

        Assert.Contains(StandardReports.Population, list);
        Assert.Contains("data-testid=\"report-table\"", page);
        Assert.Contains("出租房屋", page);
        Assert.Contains("房屋用途为出租", page);
        Assert.Contains("导出Excel", page);
        await file.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}

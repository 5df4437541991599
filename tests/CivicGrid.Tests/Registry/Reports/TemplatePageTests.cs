using System.Net;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Registry.Pages;
using CivicGrid.Web.Registry.Reports;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Reports;

/// <summary>Administrators define, change and retire one-table templates on a page, without code and without script.</summary>
public sealed partial class TemplatePageTests : AppTest
{
    private const string List = "/Registry/Reports/Templates";
    private const string New = "/Registry/Reports/Templates/Edit";

    private static Dictionary<string, string> Adults(string name = "成年人口类型表") => new()
    {
        ["Form.Name"] = name,
        ["Form.Description"] = "各类型成年人口",
        ["Form.Rows"] = "ResidenceType",
        ["Form.Filter.MinAge"] = "18",
        ["Form.Columns[0].Header"] = "成年人",
        ["Form.Columns[0].Count"] = "Persons",
        ["Form.Columns[1].Header"] = "户数",
        ["Form.Columns[1].Count"] = "Households",
        ["Form.Columns[2].Header"] = "其中女性",
        ["Form.Columns[2].Count"] = "Persons",
        ["Form.Columns[2].Filter.Sex"] = "Female",
    };

    [Fact]
    public async Task An_administrator_defines_a_template_on_the_form_and_the_report_page_computes_it()
    {
        await ReportData.PlantAsync(App);
        var admin = await App.SignInToPagesAsync("admin");

        var more = await (await admin.PostFormAsync(New, $"{New}?handler=AddColumn", Adults())).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal(4, Regex.Count(more, "data-testid=\"template-column\""));
        Assert.Contains("value=\"其中女性\"", more);
        Assert.Contains("独居老人", more);
        Assert.Contains($"action=\"{New}?handler=Save\"", more);
        Assert.Contains($"formaction=\"{New}?handler=AddColumn\"", more);
        Assert.Contains("<option value=\"Female\" selected=\"selected\">", more);

        var form = Adults();
        form["Form.Columns[3].Header"] = "";
        form["Form.Columns[3].Count"] = "Persons";
        var saved = await admin.PostFormAsync(New, $"{New}?handler=Save", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var template = await App.QueryAsync(db => db.ReportTemplates.SingleAsync(t => t.Name == "成年人口类型表"));
        var definition = ReportDefinition.FromJson(template.Definition);
        Assert.False(template.IsStandard);
        Assert.Equal(["成年人", "户数", "其中女性"], definition.Columns!.Select(c => c.Header));
        var edit = await (await admin.GetAsync(saved.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"template-saved\"", edit);
        Assert.Matches($"<a (?=[^>]*data-testid=\"template-preview\")(?=[^>]*href=\"/Registry/Reports/{template.Id}\")", edit);

        var report = await (await admin.GetAsync($"/Registry/Reports/{template.Id}?unitId={await UnitAsync("毅阳社区")}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal([3, 3, 2], Row(report, "户籍人口"));
        Assert.Equal([2, 2, 1], Row(report, "流动人口"));
        Assert.Equal([3, 2, 2], Row(report, "租户"));
        Assert.Equal([7, 6, 5], Row(report, "合计"));
        Assert.Contains("年满18岁", report);
    }

    [Fact]
    public async Task A_wrong_form_shows_every_problem_beside_what_was_typed_and_saves_nothing()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var before = await App.QueryAsync(db => db.ReportTemplates.CountAsync());

        var empty = await admin.PostFormAsync(New, $"{New}?handler=Save", new()
        {
            ["Form.Name"] = "空表",
            ["Form.Rows"] = "Grid",
            ["Form.Columns[0].Header"] = " ",
            ["Form.Columns[0].Count"] = "Persons",
        });
        var wrong = await admin.PostFormAsync(New, $"{New}?handler=Save", new()
        {
            ["Form.Name"] = "",
            ["Form.Rows"] = "Grid",
            ["Form.Filter.MinAge"] = "70",
            ["Form.Filter.MaxAge"] = "60",
            ["Form.Columns[0].Header"] = "人数",
            ["Form.Columns[0].Count"] = "Persons",
            ["Form.Columns[1].Header"] = "",
            ["Form.Columns[1].Count"] = "Rooms",
            ["Form.Columns[1].Filter.RoomUses"] = "Rented",
        });
        var mistyped = await admin.PostFormAsync(New, $"{New}?handler=Save", new()
        {
            ["Form.Name"] = "老人表",
            ["Form.Rows"] = "Grid",
            ["Form.Columns[0].Header"] = "老人",
            ["Form.Columns[0].Count"] = "Persons",
            ["Form.Columns[0].Filter.MinAge"] = "六十",
        });

        var none = await empty.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("统计列：至少需要一个统计列", none);
        var page = await wrong.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("模板名称：必填", page);
        Assert.Contains("整表条件 · 最大年龄：最大年龄不能小于最小年龄", page);
        Assert.Contains("第2列 · 列标题：必填", page);
        Assert.Contains("data-valmsg-for=\"Form.Columns[1].Header\"", page);
        Assert.Contains("value=\"70\"", page);
        Assert.Contains("value=\"60\"", page);
        Assert.Contains("<input type=\"checkbox\" name=\"Form.Columns[1].Filter.RoomUses\" value=\"Rented\" checked=\"checked\"", page);
        var typo = await mistyped.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("第1列 · 最小年龄：年龄须是0到150之间的整数", typo);
        Assert.Contains("value=\"六十\"", typo);
        Assert.Equal(before, await App.QueryAsync(db => db.ReportTemplates.CountAsync()));
    }

    [Theory]
    [InlineData("chenliting")]
    [InlineData("qiumeiling")]
    public async Task Only_those_the_api_lets_define_templates_open_or_post_the_pages(string userName)
    {
        var staff = await App.SignInToPagesAsync(userName);
        var admin = await App.SignInToPagesAsync("admin");
        var before = await App.QueryAsync(db => db.ReportTemplates.CountAsync());
        var rentals = await App.QueryAsync(db => db.ReportTemplates.Where(t => t.Name == StandardReports.Rentals).Select(t => t.Id).SingleAsync());
        var building = RegistryPages.BuildingPage(await App.BuildingInGridAsync("毅阳社区", 3));

        await (await staff.GetAsync(List)).ShouldBeForbiddenPage();
        await (await staff.GetAsync(New)).ShouldBeForbiddenPage();
        await (await staff.GetAsync($"{New}/{rentals}")).ShouldBeForbiddenPage();
        var posted = await staff.PostFormAsync(building, $"{New}?handler=Save", Adults());
        var retired = await staff.PostFormAsync(building, $"{List}?handler=Retire&id={rentals}", []);
        var reports = await (await staff.GetAsync("/Registry/Reports")).ShouldBePage(HttpStatusCode.OK);
        var adminReports = await (await admin.GetAsync("/Registry/Reports")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retired.StatusCode);
        Assert.Equal(before, await App.QueryAsync(db => db.ReportTemplates.CountAsync()));
        Assert.True(await App.QueryAsync(db => db.ReportTemplates.Where(t => t.Id == rentals).Select(t => t.IsActive).SingleAsync()));
        Assert.DoesNotContain("data-testid=\"manage-templates\"", reports);
        Assert.Contains("data-testid=\"manage-templates\"", adminReports);
    }

    [Fact]
    public async Task A_retired_template_leaves_the_reports_list_and_comes_back_when_reactivated()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var head = await App.SignInToPagesAsync("chenliting");
        var rentals = await App.QueryAsync(db => db.ReportTemplates.Where(t => t.Name == StandardReports.Rentals).Select(t => t.Id).SingleAsync());

        var retired = await admin.PostFormAsync(List, $"{List}?handler=Retire&id={rentals}", []);

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.DoesNotContain(StandardReports.Rentals, await (await head.GetAsync("/Registry/Reports")).ShouldBePage(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/Registry/Reports/{rentals}")).StatusCode);
        var list = await (await admin.GetAsync(List)).ShouldBePage(HttpStatusCode.OK);
        Assert.Matches(new Regex($"data-template-id=\"{rentals}\"[\\s\\S]*?data-testid=\"template-retired\""), list);
        Assert.Contains(StandardReports.Population, list);
        var edit = await (await admin.GetAsync($"{New}/{rentals}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"reactivate-template\"", edit);
        Assert.DoesNotContain("data-testid=\"template-preview\"", edit);

        await admin.PostFormAsync(List, $"{List}?handler=Reactivate&id={rentals}", []);

        Assert.Contains(StandardReports.Rentals, await (await head.GetAsync("/Registry/Reports")).ShouldBePage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_standard_template_is_edited_like_any_other_and_stays_standard()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var rentals = await App.QueryAsync(db => db.ReportTemplates.Where(t => t.Name == StandardReports.Rentals).Select(t => t.Id).SingleAsync());
        var page = await (await admin.GetAsync($"{New}/{rentals}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("value=\"租户户数\"", page);
        Assert.Contains("data-testid=\"standard-note\"", await (await admin.GetAsync(List)).ShouldBePage(HttpStatusCode.OK));

        var form = new Dictionary<string, string>
        {
            ["Form.Name"] = StandardReports.Rentals,
            ["Form.Rows"] = "Community",
            ["Form.Columns[0].Header"] = "出租房屋",
            ["Form.Columns[0].Count"] = "Rooms",
            ["Form.Columns[0].Filter.RoomUses"] = "Rented",
        };
        var saved = await admin.PostFormAsync($"{New}/{rentals}", $"{New}/{rentals}?handler=Save", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var template = await App.QueryAsync(db => db.ReportTemplates.SingleAsync(t => t.Id == rentals));
        Assert.True(template.IsStandard);
        Assert.Equal(ReportRows.Community, ReportDefinition.FromJson(template.Definition).Rows);
        Assert.Single(ReportDefinition.FromJson(template.Definition).Columns!);
    }

    /// <summary>The numbers of the report page's row with this label (合计 for the total).</summary>
    private static int[] Row(string page, string label)
    {
        var row = new Regex($"<th scope=\"row\">{Regex.Escape(label)}</th>(?<cells>(?:\\s*<td>[^<]*</td>)+)").Match(page);
        Assert.True(row.Success, $"no row {label}");
        return Cell().Matches(row.Groups["cells"].Value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [GeneratedRegex("<td>([^<]*)</td>")]
    private static partial Regex Cell();
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Categories;

/// <summary>The category pages: the tree and the editor for the district administrator, the picker on the report form, in both languages.</summary>
public sealed class CategoryPagesTests : AppTest
{
    [Fact]
    public async Task The_administrator_sees_the_tree_and_adds_a_minor_through_the_form()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var tree = await (await admin.GetAsync("/Categories/Admin")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("井盖坏了或丢了", tree);
        Assert.Contains("data-testid=\"nav-categories\"", tree);
        var major = await App.QueryAsync(db => db.Categories.Where(c => c.Code == "G07").Select(c => c.Id).SingleAsync());

        var fields = new Dictionary<string, string>
        {
            ["Input.ParentId"] = major.ToString(),
            ["Input.Code"] = "G0706",
            ["Input.PlainName"] = "有人卖假证",
            ["Input.Name"] = "伪造证件",
            ["Input.NameEn"] = "Forged documents",
            ["Input.Synonyms"] = "假证\n办假证",
            ["Input.Examples"] = "天桥上有人问要不要办证",
            ["Input.Initials"] = "yrmjz wzzj jz bjz",
            ["Input.DefaultUrgency"] = "Urgent",
        };
        var cell = 0;
        foreach (var step in CivicGrid.Web.Categories.CategoryAdmin.Steps)
        {
            foreach (var urgency in Enum.GetValues<CivicGrid.Web.Events.Urgency>())
            {
                fields[$"Input.Deadlines[{cell}].Step"] = step.ToString();
                fields[$"Input.Deadlines[{cell}].Urgency"] = urgency.ToString();
                fields[$"Input.Deadlines[{cell}].Minutes"] = "120";
                cell++;
            }
        }

        var saved = await admin.PostFormAsync($"/Categories/Edit?parentId={major}", "/Categories/Edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await App.QueryAsync(db => db.Categories.Include(c => c.Deadlines).SingleAsync(c => c.Code == "G0706"));
        Assert.Equal(["假证", "办假证"], stored.Synonyms);
        Assert.Equal(15, stored.Deadlines.Count);
        Assert.All(stored.Deadlines, d => Assert.Equal(120, d.Minutes));
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_the_reasons_beside_the_fields_and_nothing_is_stored()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var before = await App.QueryAsync(db => db.Categories.CountAsync());

        var refused = await admin.PostFormAsync("/Categories/Edit", "/Categories/Edit", new()
        {
            ["Input.Code"] = "B01",
            ["Input.PlainName"] = "",
            ["Input.Name"] = "重复的大类",
            ["Input.NameEn"] = "Duplicate",
        });

        var page = await refused.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("该编码已被使用", page);
        Assert.Contains("必填", page);
        Assert.Equal(before, await App.QueryAsync(db => db.Categories.CountAsync()));
    }

    [Theory]
    [InlineData("chenliting")]
    [InlineData("qiumeiling")]
    public async Task Others_get_the_forbidden_page_on_the_category_pages(string userName)
    {
        var someone = await App.SignInToPagesAsync(userName);

        await (await someone.GetAsync("/Categories/Admin")).ShouldBeForbiddenPage();
        await (await someone.GetAsync("/Categories/Edit/6")).ShouldBeForbiddenPage();
        var posted = await someone.PostFormAsync("/Events/Todo", "/Categories/Admin?handler=Deactivate&id=6", []);
        await posted.ShouldBeForbiddenPage();
        Assert.True(await App.QueryAsync(db => db.Categories.Where(c => c.Id == 6).Select(c => c.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_report_form_offers_the_tree_in_groups_with_a_search_box_in_either_language()
    {
        var qiu = await App.SignInToPagesAsync("qiumeiling");

        var chinese = await (await qiu.GetAsync("/Events/Report")).ShouldBePage(HttpStatusCode.OK);
        var english = await (await qiu.GetAsync("/Events/Report?culture=en")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("<optgroup label=\"水电气、井盖等公共设施（公用设施）\">", chinese);
        Assert.Contains("井盖坏了或丢了（井盖缺损）", chinese);
        Assert.Contains("搜索事件类别", chinese);
        Assert.Contains("data-testid=\"category-suggestions\"", chinese);
        Assert.Contains("Damaged or missing manhole cover (井盖坏了或丢了)", english);
        Assert.Contains("Search categories", english);
        Assert.Contains("tap one to choose it", english);
    }

    [Fact]
    public async Task The_category_editor_speaks_english_when_asked()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var page = await (await admin.GetAsync("/Categories/Edit/6?culture=en")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("Plain name (what residents say)", page);
        Assert.Contains("Deadline of each step (minutes)", page);
        Assert.Contains("Sign for", page);
        Assert.Contains("data-testid=\"deadline-Handle-Critical\"", page);
    }
}

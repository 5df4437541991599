using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Dispatch;

/// <summary>The rules page and the "who would get this?" page: for rule managers, readable refusals, nothing written on error.</summary>
public sealed class RulesPageTests : AppTest
{
    private Task<int> CategoryAsync(string code) => App.QueryAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task An_administrator_lists_and_adds_rules_on_the_page()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var page = await (await admin.GetAsync("/Dispatch/Rules")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"nav-rules\"", page);
        Assert.Contains("井盖缺损", page);
        Assert.Contains("朝阳街道城管办", page);

        var response = await admin.PostFormAsync("/Dispatch/Rules", "/Dispatch/Rules?handler=Create", new()
        {
            ["Input.CategoryId"] = (await CategoryAsync("G0201")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AreaId"] = (await UnitAsync("檀林社区")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadDepartmentId"] = (await UnitAsync("蓝田派出所")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AssistDepartmentIds"] = (await UnitAsync("蓝田街道住建办")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Mode"] = "Automatic",
            ["Input.Note"] = "楼道隐患由派出所牵头",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.QueryAsync(db => db.DispatchRules.SingleAsync(r => r.Note == "楼道隐患由派出所牵头"));
        Assert.Equal([await UnitAsync("蓝田街道住建办")], saved.AssistDepartmentIds);
    }

    [Fact]
    public async Task A_refused_rule_shows_why_beside_the_form_and_writes_nothing()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var before = await App.QueryAsync(db => db.DispatchRules.CountAsync());

        var response = await admin.PostFormAsync("/Dispatch/Rules", "/Dispatch/Rules?handler=Create", new()
        {
            ["Input.CategoryId"] = (await CategoryAsync("G0501")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AreaId"] = (await UnitAsync("蓝田街道")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadDepartmentId"] = (await UnitAsync("蓝田派出所")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Mode"] = "Suggest",
        });

        var page = await response.ShouldBePage(HttpStatusCode.Conflict);
        Assert.Contains("该类别和区域已有在用的规则", page);
        Assert.Equal(before, await App.QueryAsync(db => db.DispatchRules.CountAsync()));
    }

    [Fact]
    public async Task The_dry_run_page_says_who_would_get_it_and_why_the_others_lost()
    {
        var dispatcher = await App.SignInToPagesAsync("zhanghui");
        var query = $"categoryId={await CategoryAsync("B0201")}&placeId={await GridAsync("毅阳社区", 2)}";

        var asStreet = await (await dispatcher.GetAsync($"/Dispatch/Rules/DryRun?{query}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"dry-run-none\"", asStreet);
        Assert.Contains("已跳过：该综治中心无法派遣到规则中的部门", asStreet);

        var asDistrict = await (await dispatcher.GetAsync($"/Dispatch/Rules/DryRun?{query}&centreId={await UnitAsync("龙文区综治中心")}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"dry-run-lead\">龙文区住房和城乡建设局<", asDistrict);
        Assert.Contains("仅建议", asDistrict);
    }

    [Fact]
    public async Task Those_who_neither_dispatch_nor_administer_get_the_forbidden_page()
    {
        foreach (var userName in new[] { "qiumeiling", "liuqiang", "liming" })
        {
            var someone = await App.SignInToPagesAsync(userName);

            var page = await (await someone.GetAsync("/Dispatch/Rules")).ShouldBeForbiddenPage();
            await (await someone.GetAsync("/Dispatch/Rules/DryRun")).ShouldBeForbiddenPage();

            Assert.DoesNotContain("data-testid=\"nav-rules\"", page);
        }
    }

    [Fact]
    public async Task A_street_dispatcher_cannot_open_another_streets_rule()
    {
        var chaoyangRule = await App.QueryAsync(db => db.DispatchRules.Where(r => r.AreaId == db.OrgUnits.Single(u => u.Name == "朝阳街道").Id).Select(r => r.Id).SingleAsync());
        var wang = await App.SignInToPagesAsync("wangjun");

        var page = await (await wang.GetAsync($"/Dispatch/Rules?edit={chaoyangRule}")).ShouldBePage(HttpStatusCode.NotFound);

        Assert.Contains("data-testid=\"not-found\"", page);
        Assert.DoesNotContain("修改规则 #", page);
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Dispatch.Rules;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Dispatch;

/// <summary>
/// Dispatch rules: category (or branch) × area → departments. The most specific category wins,
/// then the smallest area; a rule the centre cannot reach is skipped; duplicates and bad input are refused.
/// </summary>
public sealed class DispatchRuleTests : AppTest
{
    private Task<int> CategoryAsync(string code) => App.QueryAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    private Task<int> RuleCountAsync() => App.QueryAsync(db => db.DispatchRules.CountAsync());

    [Fact]
    public async Task A_rule_for_the_minor_category_beats_one_for_its_whole_branch()
    {
        var admin = await App.SignInAsync("admin");
        var branch = await admin.CreateRuleAsync(RulesClient.Rule(await CategoryAsync("G05"), await UnitAsync("蓝田街道"), await UnitAsync("蓝田街道住建办")));

        var result = await admin.DryRunAsync(await CategoryAsync("G0501"), await GridAsync("毅阳社区", 3));

        Assert.Equal("蓝田街道城管办", result.Fires!.Lead.Name);
        Assert.Equal(DispatchMode.Suggest, result.Fires.Mode);
        Assert.Equal(RuleVerdict.LessSpecificCategory, result.Outcomes.Single(o => o.Rule.Id == branch.Id).Verdict);
        Assert.True(branch.IsBranch);

        // The branch's rule covers the minors that have none of their own.
        var vegetables = await admin.DryRunAsync(await CategoryAsync("G0502"), await GridAsync("毅阳社区", 3));
        Assert.Equal(branch.Id, vegetables.Fires!.Id);
    }

    [Fact]
    public async Task The_smallest_area_wins_community_over_street_over_district()
    {
        var admin = await App.SignInAsync("admin");
        var garbage = await CategoryAsync("E0101");
        var district = await admin.CreateRuleAsync(RulesClient.Rule(garbage, await UnitAsync("龙文区"), await UnitAsync("龙文区生态环境局")));
        var street = await admin.CreateRuleAsync(RulesClient.Rule(garbage, await UnitAsync("蓝田街道"), await UnitAsync("蓝田街道城管办")));
        var community = await admin.CreateRuleAsync(RulesClient.Rule(garbage, await UnitAsync("毅阳社区"), await UnitAsync("蓝田街道住建办"), [await UnitAsync("蓝田派出所")], "Suggest"));

        var inYiyang = await admin.DryRunAsync(garbage, at: await SpotInGridAsync("毅阳社区", 3));
        Assert.Equal(community.Id, inYiyang.Fires!.Id);
        Assert.Equal(["蓝田派出所"], inYiyang.Fires.Assists.Select(a => a.Name));
        Assert.Equal("蓝田街道综治中心", inYiyang.CentreName);
        Assert.Equal([community.Id, street.Id, district.Id], inYiyang.Outcomes.Select(o => o.Rule.Id));
        // The district bureau is beyond the street centre's reach, whatever the area.
        Assert.Equal([RuleVerdict.Fires, RuleVerdict.LargerArea, RuleVerdict.Unreachable], inYiyang.Outcomes.Select(o => o.Verdict));

        var inTanlin = await admin.DryRunAsync(garbage, await UnitAsync("檀林社区"));
        Assert.Equal(street.Id, inTanlin.Fires!.Id);

        // In 朝阳街道 the district's rule fits, but the street's centre cannot reach a district bureau:
        // the next in order, the street's rule for the whole branch, fires instead.
        var inChaoyang = await admin.DryRunAsync(garbage, await UnitAsync("朝阳社区"));
        Assert.Equal(RuleVerdict.Unreachable, inChaoyang.Outcomes.Single(o => o.Rule.Id == district.Id).Verdict);
        Assert.Equal(("朝阳街道城管办", true), (inChaoyang.Fires!.Lead.Name, inChaoyang.Fires.IsBranch));
        var asDistrictCentre = await admin.DryRunAsync(garbage, await UnitAsync("朝阳社区"), centreId: await UnitAsync("龙文区综治中心"));
        Assert.Equal(district.Id, asDistrictCentre.Fires!.Id);
    }

    [Fact]
    public async Task A_rule_whose_departments_the_centre_cannot_reach_is_skipped_for_that_centre()
    {
        var admin = await App.SignInAsync("admin");
        var building = await CategoryAsync("G0301");
        var bureau = await admin.CreateRuleAsync(RulesClient.Rule(building, await UnitAsync("毅阳社区"), await UnitAsync("龙文区城市管理局")));
        var office = await admin.CreateRuleAsync(RulesClient.Rule(building, await UnitAsync("蓝田街道"), await UnitAsync("蓝田街道城管办")));

        var asStreet = await admin.DryRunAsync(building, await UnitAsync("毅阳社区"));
        Assert.Equal(office.Id, asStreet.Fires!.Id);
        Assert.Equal(RuleVerdict.Unreachable, asStreet.Outcomes.Single(o => o.Rule.Id == bureau.Id).Verdict);

        var asDistrict = await admin.DryRunAsync(building, await UnitAsync("毅阳社区"), centreId: await UnitAsync("龙文区综治中心"));
        Assert.Equal(bureau.Id, asDistrict.Fires!.Id);
        Assert.Equal(RuleVerdict.LargerArea, asDistrict.Outcomes.Single(o => o.Rule.Id == office.Id).Verdict);
    }

    [Fact]
    public async Task A_second_active_rule_for_the_same_category_and_area_is_refused()
    {
        var admin = await App.SignInAsync("admin");
        var green = await CategoryAsync("G0501");
        var existing = (await admin.RulesAsync()).Single(r => r.CategoryId == green && r.AreaName == "蓝田街道");
        var before = await RuleCountAsync();

        var refused = await admin.TryCreateRuleAsync(RulesClient.Rule(green, await UnitAsync("蓝田街道"), await UnitAsync("蓝田派出所")));

        var problem = await refused.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains($"#{existing.Id}", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await RuleCountAsync());

        // Out of service, it makes room; back into service, it is refused in turn.
        await (await admin.PostAsync($"/api/v1/admin/dispatch-rules/{existing.Id}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        var replacement = await admin.CreateRuleAsync(RulesClient.Rule(green, await UnitAsync("蓝田街道"), await UnitAsync("蓝田派出所")));
        await (await admin.PostAsync($"/api/v1/admin/dispatch-rules/{existing.Id}/reactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        var result = await admin.DryRunAsync(green, await UnitAsync("毅阳社区"));
        Assert.Equal(replacement.Id, result.Fires!.Id);
        Assert.Equal(RuleVerdict.Inactive, result.Outcomes.Single(o => o.Rule.Id == existing.Id).Verdict);
    }

    [Theory]
    [InlineData("categoryId")]
    [InlineData("areaId")]
    [InlineData("leadDepartmentId")]
    [InlineData("mode")]
    public async Task A_rule_without_a_required_field_is_refused_and_nothing_is_written(string missing)
    {
        var admin = await App.SignInAsync("admin");
        var fields = new Dictionary<string, object?>
        {
            ["categoryId"] = await CategoryAsync("G0201"),
            ["areaId"] = await UnitAsync("蓝田街道"),
            ["leadDepartmentId"] = await UnitAsync("蓝田派出所"),
            ["mode"] = "Automatic",
        };
        fields.Remove(missing);
        var before = await RuleCountAsync();

        var problem = await (await admin.TryCreateRuleAsync(fields)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(missing, out _));
        Assert.Equal(before, await RuleCountAsync());
    }

    [Fact]
    public async Task Departments_must_be_active_departments_and_the_lead_cannot_assist()
    {
        var admin = await App.SignInAsync("admin");
        var hazard = await CategoryAsync("G0201");
        var police = await UnitAsync("蓝田派出所");
        var before = await RuleCountAsync();

        var notADepartment = await (await admin.TryCreateRuleAsync(RulesClient.Rule(hazard, await UnitAsync("蓝田街道"), await UnitAsync("毅阳社区"), [await UnitAsync("蓝田街道综治中心")])))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Equal("请选择本区内在用的职能部门", notADepartment.GetProperty("errors").GetProperty("leadDepartmentId")[0].GetString());
        Assert.True(notADepartment.GetProperty("errors").TryGetProperty("assistDepartmentIds", out _));

        var leadAssists = await (await admin.TryCreateRuleAsync(RulesClient.Rule(hazard, await UnitAsync("蓝田街道"), police, [police]))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(leadAssists.GetProperty("errors").TryGetProperty("assistDepartmentIds", out _));

        var gridArea = await (await admin.TryCreateRuleAsync(RulesClient.Rule(hazard, await GridAsync("毅阳社区", 1), police))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(gridArea.GetProperty("errors").TryGetProperty("areaId", out _));

        var closedDepartment = await admin.CreateUnitAsync("Department", "蓝田街道临时办", "350603001D99", await UnitAsync("蓝田街道"));
        await (await admin.PostAsync($"/api/v1/admin/units/{closedDepartment.Id}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        await (await admin.TryCreateRuleAsync(RulesClient.Rule(hazard, await UnitAsync("蓝田街道"), closedDepartment.Id))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await RuleCountAsync());
    }

    [Fact]
    public async Task An_edit_changes_the_rule_and_a_refused_edit_changes_nothing()
    {
        var admin = await App.SignInAsync("admin");
        var noise = (await admin.RulesAsync()).Single(r => r.CategoryName == "噪声扰民");

        var edited = await (await admin.PutAsJsonAsync($"/api/v1/admin/dispatch-rules/{noise.Id}",
            RulesClient.Rule(noise.CategoryId, noise.AreaId, await UnitAsync("蓝田街道城管办"), [await UnitAsync("蓝田派出所")], "Automatic", "夜间噪声以城管为主"))).ShouldBe<DispatchRuleRow>(HttpStatusCode.OK);
        Assert.Equal(("蓝田街道城管办", DispatchMode.Automatic, "夜间噪声以城管为主"), (edited.Lead.Name, edited.Mode, edited.Note));

        await (await admin.PutAsJsonAsync($"/api/v1/admin/dispatch-rules/{noise.Id}",
            RulesClient.Rule(noise.CategoryId, noise.AreaId, await UnitAsync("蓝田派出所"), [await UnitAsync("蓝田派出所")]))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var kept = await (await admin.GetAsync($"/api/v1/admin/dispatch-rules/{noise.Id}")).ShouldBe<DispatchRuleRow>(HttpStatusCode.OK);
        Assert.Equal("蓝田街道城管办", kept.Lead.Name);
    }

    [Fact]
    public async Task A_street_dispatcher_keeps_only_its_own_streets_rules()
    {
        var wang = await App.SignInAsync("wangjun");
        var admin = await App.SignInAsync("admin");
        var chaoyangRule = (await admin.RulesAsync()).Single(r => r.AreaName == "朝阳街道");

        var mine = await wang.RulesAsync();
        Assert.NotEmpty(mine);
        Assert.All(mine, r => Assert.Contains(r.AreaName, new[] { "蓝田街道", "毅阳社区", "檀林社区", "湘桥社区" }));

        await (await wang.GetAsync($"/api/v1/admin/dispatch-rules/{chaoyangRule.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await wang.PostAsync($"/api/v1/admin/dispatch-rules/{chaoyangRule.Id}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await wang.PutAsJsonAsync($"/api/v1/admin/dispatch-rules/{chaoyangRule.Id}",
            RulesClient.Rule(chaoyangRule.CategoryId, await UnitAsync("蓝田街道"), await UnitAsync("蓝田派出所")))).ShouldBeProblem(HttpStatusCode.NotFound);
        var elsewhere = await (await wang.TryCreateRuleAsync(RulesClient.Rule(await CategoryAsync("G0201"), await UnitAsync("朝阳社区"), await UnitAsync("朝阳派出所")))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(elsewhere.GetProperty("errors").TryGetProperty("areaId", out _));
        await (await wang.TryDryRunAsync(await CategoryAsync("E0101"), await UnitAsync("朝阳社区"))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await wang.TryDryRunAsync(await CategoryAsync("E0101"), at: await SpotInGridAsync("朝阳社区", 1))).ShouldBeProblem(HttpStatusCode.NotFound);

        // The other street's rules are never used for its events either: they do not fit the place.
        var own = await wang.DryRunAsync(await CategoryAsync("E0101"), await UnitAsync("毅阳社区"));
        Assert.DoesNotContain(own.Outcomes, o => o.Rule.Id == chaoyangRule.Id);
        Assert.Equal(await RuleCountAsync(), (await admin.RulesAsync()).Count);
    }

    [Fact]
    public async Task Roles_that_do_not_dispatch_or_administer_get_403()
    {
        foreach (var userName in new[] { "qiumeiling", "chenliting", "liuqiang", "liming" })
        {
            var someone = await App.SignInAsync(userName);

            await (await someone.GetAsync("/api/v1/admin/dispatch-rules")).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await someone.TryCreateRuleAsync(RulesClient.Rule(1, await UnitAsync("蓝田街道"), await UnitAsync("蓝田派出所")))).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await someone.TryDryRunAsync(1, await UnitAsync("毅阳社区"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_dry_run_needs_a_known_category_and_a_place()
    {
        var admin = await App.SignInAsync("admin");

        var problem = await (await admin.GetAsync("/api/v1/dispatch-rules/dry-run?categoryId=99999")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("categoryId", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("latitude", out _));
    }
}

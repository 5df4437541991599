using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry;
using CivicGrid.Web.Registry.Administration;
using CivicGrid.Web.Registry.Housing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Administration;

/// <summary>A department sees the registry of a place only while an administrator's grant stands.</summary>
public sealed class DepartmentGrantTests : RegistryAdminTest
{
    private const string Grants = "/api/v1/registry/admin/grants";

    private Task<RegistryReach> ReachOfAsync(string userName) =>
        AsAsync<RegistryScope, RegistryReach>(userName, (scope, caller) => scope.ReachAsync(caller, CancellationToken.None));

    private Task<BuildingRegistryView> BuildingAsSeenByAsync(string userName, int buildingId) =>
        AsAsync<BuildingRegistry, BuildingRegistryView>(userName, (registry, caller) => registry.ForBuildingAsync(buildingId, caller, CancellationToken.None));

    [Fact]
    public async Task A_grant_lets_a_department_read_a_communitys_buildings_until_it_is_revoked()
    {
        var building = await BuildingInAsync("毅阳社区", 3);
        await RegisterAsync("qiumeiling", building, "402", "李阿姨", IdNumber("19600708", 42));
        var yiyangGrids = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区").Select(u => u.Id).OrderBy(id => id).ToListAsync());
        Assert.Empty((await ReachOfAsync("liuqiang")).GridIds);
        Assert.Equal(StatusCodes.Status404NotFound, (await Assert.ThrowsAsync<DomainException>(() => BuildingAsSeenByAsync("liuqiang", building))).Status);

        var admin = await App.SignInAsync("admin");
        var grant = await (await admin.PostAsJsonAsync(Grants, new { departmentId = await UnitAsync("蓝田街道城管办"), placeId = await UnitAsync("毅阳社区"), purpose = "核查出租屋消防安全" }))
            .ShouldBe<GrantRow>(HttpStatusCode.Created);
        Assert.Equal(("蓝田街道城管办", "毅阳社区", "系统管理员", true), (grant.DepartmentName, grant.PlaceName, grant.GrantedByName, grant.IsActive));

        Assert.Equal(yiyangGrids, (await ReachOfAsync("liuqiang")).GridIds);
        var seen = await BuildingAsSeenByAsync("liuqiang", building);
        Assert.Contains(seen.Rooms, r => r.Number == "402");
        Assert.Empty((await ReachOfAsync("zhoumin")).GridIds);

        var revoked = await (await admin.PostAsync($"{Grants}/{grant.Id}/revoke", null)).ShouldBe<GrantRow>(HttpStatusCode.OK);
        Assert.False(revoked.IsActive);
        Assert.Empty((await ReachOfAsync("liuqiang")).GridIds);
        Assert.Equal(StatusCodes.Status404NotFound, (await Assert.ThrowsAsync<DomainException>(() => BuildingAsSeenByAsync("liuqiang", building))).Status);
        await (await admin.PostAsync($"{Grants}/{grant.Id}/revoke", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        var listed = await (await admin.GetAsync(Grants)).ShouldBe<List<GrantRow>>(HttpStatusCode.OK);
        Assert.False(listed.Single().IsActive);
    }

    [Fact]
    public async Task A_grant_without_purpose_to_a_grid_twice_or_outside_the_subtree_is_refused()
    {
        var admin = await App.SignInAsync("admin");
        var chengguan = await UnitAsync("蓝田街道城管办");
        var yiyang = await UnitAsync("毅阳社区");

        var noPurpose = await (await admin.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = yiyang, purpose = " " })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(noPurpose.GetProperty("errors").TryGetProperty("purpose", out _), noPurpose.ToString());
        var toGrid = await (await admin.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = await GridAsync("毅阳社区", 3), purpose = "核查" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(toGrid.GetProperty("errors").TryGetProperty("placeId", out _), toGrid.ToString());
        var notDepartment = await (await admin.PostAsJsonAsync(Grants, new { departmentId = yiyang, placeId = yiyang, purpose = "核查" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(notDepartment.GetProperty("errors").TryGetProperty("departmentId", out _), notDepartment.ToString());

        await (await admin.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = yiyang, purpose = "核查出租屋" })).ShouldBe(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = yiyang, purpose = "再次核查" })).ShouldBeProblem(HttpStatusCode.Conflict);

        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");
        var otherStreet = await (await streetAdmin.PostAsJsonAsync(Grants, new { departmentId = await UnitAsync("朝阳街道城管办"), placeId = yiyang, purpose = "核查" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(otherStreet.GetProperty("errors").TryGetProperty("departmentId", out _), otherStreet.ToString());
        await (await streetAdmin.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = await UnitAsync("朝阳社区"), purpose = "核查" })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(1, await App.QueryAsync(db => db.RegistryGrants.CountAsync()));
        var head = await App.SignInAsync("chenliting");
        await (await head.GetAsync(Grants)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await head.PostAsJsonAsync(Grants, new { departmentId = chengguan, placeId = yiyang, purpose = "核查出租屋" })).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_grants_page_grants_and_revokes()
    {
        var pages = await App.SignInToPagesAsync("admin");

        var granted = await pages.PostFormAsync("/Registry/Grants", "/Registry/Grants", new()
        {
            ["Input.DepartmentId"] = (await UnitAsync("蓝田派出所")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PlaceId"] = (await UnitAsync("蓝田街道")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Purpose"] = "流动人口核查",
        });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.NotEmpty((await ReachOfAsync("zhoumin")).GridIds);

        var id = await App.QueryAsync(db => db.RegistryGrants.Select(g => g.Id).SingleAsync());
        var revoked = await pages.PostFormAsync("/Registry/Grants", $"/Registry/Grants?handler=Revoke&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Empty((await ReachOfAsync("zhoumin")).GridIds);

        var refused = await pages.PostFormAsync("/Registry/Grants", "/Registry/Grants", new() { ["Input.Purpose"] = "" });
        await refused.ShouldBePage(HttpStatusCode.BadRequest);
    }
}

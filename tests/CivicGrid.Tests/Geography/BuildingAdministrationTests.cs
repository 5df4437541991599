using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Geography;

/// <summary>Administrators keep the buildings of their subtree; a building's point decides its grid.</summary>
public sealed class BuildingAdministrationTests : AppTest
{
    [Fact]
    public async Task An_administrator_adds_a_building_its_point_picks_the_grid_and_address_search_finds_it()
    {
        var admin = await App.SignInAsync("admin");
        var spot = await SpotInGridAsync("檀林社区", 2);

        var building = await (await admin.PostAsJsonAsync("/api/v1/admin/buildings", new BuildingRequest("18栋", "蓝田街道檀林社区18栋", spot.Latitude, spot.Longitude, ["1单元", "2单元"])))
            .ShouldBe<BuildingAdminRow>(HttpStatusCode.Created);

        Assert.Equal(await GridAsync("檀林社区", 2), building.GridId);
        Assert.Equal(["1单元", "2单元"], building.Units.Select(u => u.Name));
        var qiu = await App.SignInAsync("qiumeiling");
        var found = await qiu.GetFromJsonAsync<List<AddressMatch>>("/api/v1/places/addresses?q=" + Uri.EscapeDataString("檀林社区18栋"), ResponseAssertions.Json);
        Assert.Equal(building.Id, Assert.Single(found!).BuildingId);

        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/admin/buildings/{building.Id}", new BuildingRequest("18栋", "蓝田街道檀林社区18栋", spot.Latitude, spot.Longitude, ["一单元", "二单元", "三单元"])))
            .ShouldBe<BuildingAdminRow>(HttpStatusCode.OK);
        Assert.Equal(["一单元", "二单元", "三单元"], renamed.Units.Select(u => u.Name));
        Assert.Equal(building.Units[0].Id, renamed.Units[0].Id);
    }

    [Fact]
    public async Task Bad_buildings_are_refused_field_by_field_and_nothing_is_stored()
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.Buildings.CountAsync());

        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/buildings", new BuildingRequest("", "", 24.6, 117.8, ["1单元", "1单元"]))).ShouldBeProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("address", out _) && errors.TryGetProperty("units", out _), problem.ToString());
        var outside = await (await admin.PostAsJsonAsync("/api/v1/admin/buildings", new BuildingRequest("1栋", "远处", 24.6, 117.8, []))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("latitude", out _), outside.ToString());
        Assert.Equal(before, await App.QueryAsync(db => db.Buildings.CountAsync()));
    }

    [Fact]
    public async Task A_street_administrator_cannot_touch_another_streets_buildings_and_others_are_forbidden()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");
        var chaoyang = await SpotInGridAsync("朝阳社区", 1);
        var chaoyangBuilding = await App.QueryAsync(db => db.Buildings.Where(b => b.Address.StartsWith("朝阳街道")).Select(b => b.Id).FirstAsync());

        await (await streetAdmin.PostAsJsonAsync("/api/v1/admin/buildings", new BuildingRequest("99栋", "朝阳社区99栋", chaoyang.Latitude, chaoyang.Longitude, []))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await streetAdmin.PostAsync($"/api/v1/admin/buildings/{chaoyangBuilding}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        var head = await App.SignInAsync("chenliting");
        await (await head.PostAsync($"/api/v1/admin/buildings/{chaoyangBuilding}/deactivate", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Persons;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry;

/// <summary>Who sees whose residents: the grid's worker, the community, the street; no one of another place, no department.</summary>
public sealed class RegistryScopeTests : AppTest
{
    [Theory]
    [InlineData("qiumeiling")]
    [InlineData("chenliting")]
    [InlineData("wangjun")]
    [InlineData("zhanghui")]
    public async Task Staff_of_the_place_and_above_see_the_building_and_its_people(string userName)
    {
        var staff = await App.SignInAsync(userName);

        var view = await staff.BuildingRegistryAsync(await App.DemoBuildingAsync());

        Assert.Equal(7, view.ResidentCount);
        await staff.PersonAsync(await PersonIdAsync());
    }

    [Theory]
    [InlineData("linxiaohua")]
    [InlineData("huangyan")]
    [InlineData("xujing")]
    [InlineData("liuqiang")]
    public async Task Staff_of_another_place_and_departments_see_nothing_and_change_nothing(string userName)
    {
        var staff = await App.SignInAsync(userName);
        var building = await App.DemoBuildingAsync();
        var person = await PersonIdAsync();
        var room = await App.QueryAsync(db => db.Rooms.Where(r => r.BuildingId == building && r.Number == "102").Select(r => r.Id).SingleAsync());
        var residence = await App.QueryAsync(db => db.Residences.Where(r => r.PersonId == person).Select(r => r.Id).SingleAsync());
        var before = await App.RegistryCountsAsync();

        await (await staff.GetAsync($"/api/v1/registry/buildings/{building}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await staff.TryPersonAsync(person)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await staff.TryAddRoomAsync(building, null, "门卫室")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await staff.TryRegisterAsync(room, new PersonInput("周小川", RegistryClient.IdNumber("360102", "19950607", 13)))).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await staff.TryMoveOutAsync(residence)).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Equal(before, await App.RegistryCountsAsync());
    }

    [Fact]
    public async Task A_department_granted_a_community_sees_its_residents_until_the_grant_is_revoked()
    {
        var department = await App.SignInAsync("liuqiang");
        var building = await App.DemoBuildingAsync();
        var grant = new CivicGrid.Web.Registry.Privacy.RegistryGrant
        {
            DepartmentId = await UnitAsync("蓝田街道城管办"),
            PlaceId = await UnitAsync("毅阳社区"),
            Purpose = "违建排查",
            GrantedAt = App.Clock.GetUtcNow().UtcDateTime,
        };
        await App.QueryAsync(async db => { db.RegistryGrants.Add(grant); return await db.SaveChangesAsync(); });

        Assert.Equal(7, (await department.BuildingRegistryAsync(building)).ResidentCount);

        await App.QueryAsync(db => db.RegistryGrants.ExecuteUpdateAsync(g => g.SetProperty(x => x.RevokedAt, App.Clock.GetUtcNow().UtcDateTime)));
        await (await department.GetAsync($"/api/v1/registry/buildings/{building}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private Task<long> PersonIdAsync() => App.QueryAsync(db => db.Persons.Where(p => p.Name == "赵磊").Select(p => p.Id).SingleAsync());
}

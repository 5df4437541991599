using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>我的网格: a resident chooses the grid they live in, from the lists or from a place QR code.</summary>
public sealed class HomeGridTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_resident_sets_a_grid_and_sees_its_community_and_street()
    {
        var resident = await App.SignInResidentAsync(Phone);
        Assert.Null((await resident.HomeAsync()).GridId);

        var grid = await GridAsync("毅阳社区", 3);
        var home = await resident.SetHomeAsync(grid);

        Assert.Equal((grid, "第3网格", "毅阳社区", "蓝田街道"), (home.GridId!.Value, home.Grid, home.Community, home.Street));
        Assert.Equal(grid, (await resident.HomeAsync()).GridId);
    }

    [Fact]
    public async Task The_grid_of_a_scanned_place_code_becomes_the_home()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var grid = await GridAsync("毅阳社区", 2);
        var token = (await (await App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Grid, grid)).Token;

        var home = await (await resident.TrySetHomeAsync(null, token)).ShouldBe<CivicGrid.Web.Residents.Home.HomeView>(HttpStatusCode.OK);

        Assert.Equal(grid, home.GridId);
    }

    [Theory]
    [InlineData("NONE", "gridId")]
    [InlineData("UNKNOWN", "gridId")]
    [InlineData("COMMUNITY", "gridId")]
    [InlineData("BAD_CODE", "code")]
    public async Task A_place_that_is_not_a_grid_is_refused_and_the_home_stays(string input, string field)
    {
        var resident = await App.SignInResidentAsync(Phone);
        var before = await GridAsync("毅阳社区", 3);
        await resident.SetHomeAsync(before);
        int? grid = input switch
        {
            "UNKNOWN" => 999999,
            "COMMUNITY" => await UnitAsync("毅阳社区"),
            _ => null,
        };

        var problem = await (await resident.TrySetHomeAsync(grid, input == "BAD_CODE" ? "nosuchcode" : null)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, (await resident.HomeAsync()).GridId);
        await (await App.CreateClient().GetAsync("/api/v1/resident/home")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Geography;

/// <summary>The building administration page: the same <c>BuildingAdmin</c> as the API, its refusals shown beside the form.</summary>
public sealed class BuildingAdminPageTests : AppTest
{
    private const string Page = "/Geography/BuildingAdmin";

    [Fact]
    public async Task An_administrator_adds_a_building_on_the_page_and_it_stands_in_the_grid_of_its_point()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var tanlin = await UnitAsync("檀林社区");
        var spot = await SpotInGridAsync("檀林社区", 2);

        var place = JsonDocument.Parse(await admin.GetStringAsync($"{Page}?handler=Place&latitude={Number(spot.Latitude)}&longitude={Number(spot.Longitude)}")).RootElement;
        Assert.True(place.GetProperty("isYours").GetBoolean());
        Assert.Equal("位于：蓝田街道 · 檀林社区 · 第2网格", place.GetProperty("text").GetString());

        var saved = await admin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Create&communityId={tanlin}", Building("18栋", spot, "1单元\n2单元\n"));

        var building = await App.QueryAsync(db => db.Buildings.Include(b => b.Units).SingleAsync(b => b.Name == "18栋"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Page}?communityId={tanlin}&saved={building.Id}", saved.Headers.Location?.OriginalString);
        Assert.Equal(await GridAsync("檀林社区", 2), building.GridId);
        Assert.Equal(["1单元", "2单元"], building.Units.OrderBy(u => u.Order).Select(u => u.Name));
        var list = await admin.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("已保存“18栋”：檀林社区 · 第2网格", list);
        Assert.Contains($"data-building-id=\"{building.Id}\"", list);
    }

    [Fact]
    public async Task An_administrator_corrects_a_building_and_takes_it_out_of_use_and_back()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var tanlin = await UnitAsync("檀林社区");
        var building = await App.QueryAsync(db => db.Buildings.SingleAsync(b => b.Address == "蓝田街道檀林社区1栋"));
        var edit = $"{Page}?communityId={tanlin}&edit={building.Id}";
        var form = await admin.GetStringAsync(edit);
        Assert.Contains("修改楼栋“1栋”", form);
        Assert.Contains("1单元\n2单元\n3单元", WebUtility.HtmlDecode(form));

        var saved = await admin.PostFormAsync(edit, $"{Page}?handler=Update&id={building.Id}&communityId={tanlin}",
            Building("1栋", new Spot(building.Latitude, building.Longitude), "一单元\n二单元\n三单元\n四单元", "蓝田街道檀林社区1栋（东）"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var units = await App.QueryAsync(db => db.BuildingUnits.Where(u => u.BuildingId == building.Id).OrderBy(u => u.Order).Select(u => u.Name).ToListAsync());
        Assert.Equal(["一单元", "二单元", "三单元", "四单元"], units);
        Assert.Equal("蓝田街道檀林社区1栋（东）", await App.QueryAsync(db => db.Buildings.Where(b => b.Id == building.Id).Select(b => b.Address).SingleAsync()));

        var off = await admin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Deactivate&id={building.Id}&communityId={tanlin}", new());
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await IsActiveAsync(building.Id));
        Assert.Contains("data-testid=\"building-inactive\"", await admin.GetStringAsync($"{Page}?communityId={tanlin}"));

        await admin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Reactivate&id={building.Id}&communityId={tanlin}", new());
        Assert.True(await IsActiveAsync(building.Id));
    }

    [Fact]
    public async Task A_building_without_a_name_or_outside_the_administrators_grids_is_refused_on_the_page_and_nothing_is_written()
    {
        var admin = await App.SignInToPagesAsync("admin");
        var tanlin = await UnitAsync("檀林社区");
        var spot = await SpotInGridAsync("檀林社区", 2);
        var before = await App.QueryAsync(db => db.Buildings.CountAsync());

        var nameless = await (await admin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Create&communityId={tanlin}", Building("", spot, "1单元")))
            .ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("请检查标出的字段", nameless);
        Assert.Contains("data-valmsg-for=\"Input.Name\"", nameless);
        Assert.Contains("必填", nameless);
        Assert.Contains("value=\"蓝田街道檀林社区新楼\"", nameless);
        Assert.Contains("位于：蓝田街道 · 檀林社区 · 第2网格", nameless);

        var faraway = await (await admin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Create&communityId={tanlin}", Building("19栋", new Spot(24.6, 117.8), "1单元")))
            .ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("这个位置不在您管辖的网格内", faraway);

        // 蓝田街道's administrator and a point in 朝阳街道's grid.
        var streetAdmin = await StreetAdministratorAsync();
        var chaoyang = await SpotInGridAsync("朝阳社区", 1);
        var elsewhere = await (await streetAdmin.PostFormAsync($"{Page}?communityId={tanlin}", $"{Page}?handler=Create&communityId={tanlin}", Building("19栋", chaoyang, "1单元")))
            .ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("这个位置不在您管辖的网格内", elsewhere);

        Assert.Equal(before, await App.QueryAsync(db => db.Buildings.CountAsync()));
    }

    [Fact]
    public async Task A_street_administrator_neither_sees_nor_changes_another_streets_buildings()
    {
        var streetAdmin = await StreetAdministratorAsync();
        var chaoyang = await UnitAsync("朝阳社区");
        var building = await App.QueryAsync(db => db.Buildings.SingleAsync(b => b.Address == "朝阳街道朝阳社区1栋"));

        var picker = await streetAdmin.GetStringAsync(Page);
        Assert.Contains("檀林社区", picker);
        Assert.DoesNotContain("朝阳社区", picker);
        Assert.DoesNotContain("朝阳社区", await (await streetAdmin.GetAsync($"{Page}?communityId={chaoyang}")).ShouldBePage(HttpStatusCode.NotFound));
        Assert.DoesNotContain("朝阳社区1栋", await (await streetAdmin.GetAsync($"{Page}?edit={building.Id}")).ShouldBePage(HttpStatusCode.NotFound));

        var tanlin = await UnitAsync("檀林社区");
        await (await streetAdmin.PostFormAsync(Page, $"{Page}?handler=Deactivate&id={building.Id}&communityId={tanlin}", new())).ShouldBePage(HttpStatusCode.NotFound);
        await (await streetAdmin.PostFormAsync(Page, $"{Page}?handler=Update&id={building.Id}&communityId={tanlin}",
            Building("1栋", await SpotInGridAsync("檀林社区", 1), "1单元\n2单元\n3单元"))).ShouldBePage(HttpStatusCode.NotFound);

        var unchanged = await App.QueryAsync(db => db.Buildings.SingleAsync(b => b.Id == building.Id));
        Assert.True(unchanged.IsActive);
        Assert.Equal((building.GridId, building.Latitude), (unchanged.GridId, unchanged.Latitude));
    }

    [Theory]
    [InlineData("chenliting")]
    [InlineData("qiumeiling")]
    [InlineData("wangjun")]
    public async Task Anyone_but_an_administrator_gets_the_forbidden_page_and_writes_nothing(string userName)
    {
        var someone = await App.SignInToPagesAsync(userName);
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var tanlin = await UnitAsync("檀林社区");

        Assert.DoesNotContain("nav-building-admin", await (await someone.GetAsync(Page)).ShouldBeForbiddenPage());
        await (await someone.GetAsync($"{Page}?communityId={tanlin}")).ShouldBeForbiddenPage();
        await (await someone.GetAsync($"{Page}?handler=Place&latitude={Number(spot.Latitude)}&longitude={Number(spot.Longitude)}")).ShouldBeForbiddenPage();
        await (await someone.PostFormAsync("/Events/Todo", $"{Page}?handler=Create&communityId={tanlin}", Building("20栋", spot, "1单元"))).ShouldBeForbiddenPage();

        Assert.False(await App.QueryAsync(db => db.Buildings.AnyAsync(b => b.Name == "20栋")));
    }

    private static Dictionary<string, string> Building(string name, Spot at, string units, string address = "蓝田街道檀林社区新楼") => new()
    {
        ["Input.Name"] = name,
        ["Input.Address"] = address,
        ["Input.Latitude"] = Number(at.Latitude),
        ["Input.Longitude"] = Number(at.Longitude),
        ["Input.Units"] = units,
    };

    private static string Number(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    private Task<bool> IsActiveAsync(int buildingId) => App.QueryAsync(db => db.Buildings.Where(b => b.Id == buildingId).Select(b => b.IsActive).SingleAsync());

    /// <summary>An administrator of 蓝田街道 only, signed in to the pages.</summary>
    private async Task<HttpClient> StreetAdministratorAsync()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        return await App.SignInToPagesAsync("landianadmin", "Start@2026");
    }
}

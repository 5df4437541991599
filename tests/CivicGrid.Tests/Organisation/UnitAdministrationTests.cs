using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicGrid.Tests.Organisation;

/// <summary>An administrator keeps the hierarchy of its own subtree, and nothing else.</summary>
public sealed class UnitAdministrationTests : AppTest
{
    [Fact]
    public async Task Admin_builds_a_street_community_and_grid_and_the_grid_takes_reports()
    {
        var admin = await App.SignInAsync("admin");
        var district = await UnitAsync("龙文区");

        var street = await admin.CreateUnitAsync("Street", "景山街道", "350603004", district);
        var community = await admin.CreateUnitAsync("Community", "景山社区", "350603004001", street.Id);
        var grid = await admin.CreateUnitAsync("Grid", "第1网格", "350603004001001", community.Id);

        Assert.Equal($"/{district}/{street.Id}/", street.Path);
        Assert.Equal($"/{district}/{street.Id}/{community.Id}/", community.Path);
        Assert.Equal($"/{district}/{street.Id}/{community.Id}/{grid.Id}/", grid.Path);
        var tree = await admin.UnitsAsync();
        var order = tree.Select(u => u.Id).ToList();
        Assert.True(order.IndexOf(street.Id) < order.IndexOf(community.Id) && order.IndexOf(community.Id) < order.IndexOf(grid.Id));
        Assert.Equal(3, tree.Single(u => u.Id == grid.Id).Depth);

        // The new grid takes the incidents standing on its ground as soon as it has an area.
        var ground = new Spot(24.5600, 117.7600);
        await App.QueryAsync(db =>
        {
            db.GridBoundaries.Add(GridBoundary.For(grid.Id, SquareAround(ground), DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        var reporter = await App.SignInAsync("qiumeiling");
        var reported = await reporter.ReportAsync(EventsClient.Report(ground));
        Assert.Equal("景山社区", reported.CommunityName);
        Assert.Equal(grid.Id, reported.GridId);
    }

    [Fact]
    public async Task A_grid_directly_under_a_street_is_refused_naming_the_parent()
    {
        var admin = await App.SignInAsync("admin");

        var problem = await (await admin.TryCreateUnitAsync("Grid", "第9网格", "350603001999", await UnitAsync("蓝田街道"))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("parentId", out _), problem.ToString());
        Assert.False(await App.QueryAsync(db => db.OrgUnits.AnyAsync(u => u.Code == "350603001999")));
    }

    [Fact]
    public async Task A_duplicate_code_is_refused_and_nothing_is_stored()
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.OrgUnits.CountAsync());

        var problem = await (await admin.TryCreateUnitAsync("Community", "新社区", "350603001001", await UnitAsync("蓝田街道"))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _), problem.ToString());
        Assert.Equal(before, await App.QueryAsync(db => db.OrgUnits.CountAsync()));
    }

    [Fact]
    public async Task A_unit_with_active_accounts_or_children_stays_in_service_until_they_go()
    {
        var admin = await App.SignInAsync("admin");
        var community = await admin.CreateUnitAsync("Community", "景山社区", "350603001099", await UnitAsync("蓝田街道"));
        var grid = await admin.CreateUnitAsync("Grid", "第1网格", "350603001099001", community.Id);
        var worker = await admin.CreateAccountAsync("jingshan1", "GridWorker", grid.Id);

        await (await admin.PostAsync($"/api/v1/admin/units/{community.Id}/deactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/admin/units/{grid.Id}/deactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/admin/accounts/{worker.Id}/disable", null)).ShouldBe(HttpStatusCode.OK);
        var inactiveGrid = await (await admin.PostAsync($"/api/v1/admin/units/{grid.Id}/deactivate", null)).ShouldBe<UnitRow>(HttpStatusCode.OK);
        var inactiveCommunity = await (await admin.PostAsync($"/api/v1/admin/units/{community.Id}/deactivate", null)).ShouldBe<UnitRow>(HttpStatusCode.OK);

        Assert.False(inactiveGrid.IsActive);
        Assert.False(inactiveCommunity.IsActive);
        await (await admin.PostAsync($"/api/v1/admin/units/{grid.Id}/reactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rename_and_recode_keep_codes_unique()
    {
        var admin = await App.SignInAsync("admin");
        var street = await UnitAsync("步文街道");

        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/admin/units/{street}", new { name = "步文街道办", code = "350603003X" })).ShouldBe<UnitRow>(HttpStatusCode.OK);
        Assert.Equal("步文街道办", renamed.Name);
        var clash = await (await admin.PutAsJsonAsync($"/api/v1/admin/units/{street}", new { name = "步文街道办", code = "350603001" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(clash.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task A_renamed_community_shows_its_new_name_on_its_events_at_once()
    {
        var reporter = await App.SignInAsync("qiumeiling");
        var reported = await reporter.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var admin = await App.SignInAsync("admin");

        await (await admin.PutAsJsonAsync($"/api/v1/admin/units/{reported.CommunityId}", new { name = "毅阳新社区", code = "350603001001" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("毅阳新社区", (await reporter.GetEventAsync(reported.Id)).CommunityName);
    }

    [Fact]
    public async Task Street_administrator_sees_only_its_street()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");

        var tree = await streetAdmin.UnitsAsync();
        Assert.Contains(tree, u => u.Name == "毅阳社区");
        Assert.DoesNotContain(tree, u => u.Name == "朝阳社区" || u.Name == "龙文区");
        var chaoyang = await UnitAsync("朝阳社区");
        await (await streetAdmin.PutAsJsonAsync($"/api/v1/admin/units/{chaoyang}", new { name = "改名", code = "X1" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await streetAdmin.PostAsync($"/api/v1/admin/units/{chaoyang}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await streetAdmin.TryCreateUnitAsync("Grid", "第9网格", "350603002001009", chaoyang)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Non_administrators_are_forbidden()
    {
        var head = await App.SignInAsync("chenliting");

        await (await head.GetAsync("/api/v1/admin/units")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await head.GetAsync("/api/v1/admin/accounts")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await head.TryCreateUnitAsync("Grid", "第9网格", "350603001001009", await UnitAsync("毅阳社区"))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private static Polygon SquareAround(Spot at) => new GeometryFactory().CreatePolygon(
    [
        new(at.Longitude - 0.001, at.Latitude - 0.001), new(at.Longitude + 0.001, at.Latitude - 0.001),
        new(at.Longitude + 0.001, at.Latitude + 0.001), new(at.Longitude - 0.001, at.Latitude + 0.001),
        new(at.Longitude - 0.001, at.Latitude - 0.001),
    ]);
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Identity;

namespace CivicGrid.Tests.Identity;

/// <summary>An administrator opens, changes and closes the accounts of its own subtree.</summary>
public sealed class AccountAdministrationTests : AppTest
{
    [Fact]
    public async Task An_account_created_by_the_admin_can_sign_in_and_a_disabled_one_cannot()
    {
        var admin = await App.SignInAsync("admin");
        var account = await admin.CreateAccountAsync("xiaoli", "GridWorker", await GridAsync("毅阳社区", 2), displayName: "小李");
        Assert.Equal("第2网格", account.UnitName);

        var xiaoli = await App.SignInAsync("xiaoli", "Start@2026");
        var me = await (await xiaoli.GetAsync("/api/v1/me")).ShouldBe<IdentityApi.Me>(HttpStatusCode.OK);
        Assert.Equal("小李", me.DisplayName);

        var disabled = await (await admin.PostAsync($"/api/v1/admin/accounts/{account.Id}/disable", null)).ShouldBe<AccountRow>(HttpStatusCode.OK);
        Assert.False(disabled.IsActive);
        await (await App.CreateClient().TryTokenAsync("xiaoli", "Start@2026")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await xiaoli.GetAsync("/api/v1/me")).StatusCode);

        await (await admin.PostAsync($"/api/v1/admin/accounts/{account.Id}/enable", null)).ShouldBe(HttpStatusCode.OK);
        await (await App.CreateClient().TryTokenAsync("xiaoli", "Start@2026")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_grid_worker_at_a_community_is_refused()
    {
        var admin = await App.SignInAsync("admin");

        var problem = await (await admin.TryCreateAccountAsync("xiaoli", "GridWorker", await UnitAsync("毅阳社区"))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("unitId", out _), problem.ToString());
        await (await App.CreateClient().TryTokenAsync("xiaoli", "Start@2026")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var head = (await admin.AccountsAsync()).Single(a => a.UserName == "chenliting");
        await (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{head.Id}", new { displayName = "陈立婷", role = "GridWorker", unitId = head.UnitId })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_password_field()
    {
        var admin = await App.SignInAsync("admin");

        var problem = await (await admin.TryCreateAccountAsync("xiaoli", "GridWorker", await GridAsync("毅阳社区", 2), password: "short")).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.DoesNotContain(await admin.AccountsAsync(), a => a.UserName == "xiaoli");
    }

    [Fact]
    public async Task Street_administrator_gets_404_for_another_streets_account_and_cannot_create_there()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var xujing = (await admin.AccountsAsync()).Single(a => a.UserName == "xujing"); // 朝阳社区, another street
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");

        var mine = await streetAdmin.AccountsAsync();
        Assert.Contains(mine, a => a.UserName == "chenliting");
        Assert.DoesNotContain(mine, a => a.UserName == "xujing" || a.UserName == "admin");
        await (await streetAdmin.PostAsync($"/api/v1/admin/accounts/{xujing.Id}/disable", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await streetAdmin.PostAsJsonAsync($"/api/v1/admin/accounts/{xujing.Id}/password", new { password = "Taken@2026" })).ShouldBeProblem(HttpStatusCode.NotFound);
        var refused = await (await streetAdmin.TryCreateAccountAsync("chaoyang9", "CommunityHead", await UnitAsync("朝阳社区"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("unitId", out _));
    }

    [Fact]
    public async Task Community_head_gets_403_on_administration()
    {
        var head = await App.SignInAsync("chenliting");

        await (await head.GetAsync("/api/v1/admin/units")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await head.TryCreateAccountAsync("xiaoli", "GridWorker", await GridAsync("毅阳社区", 2))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one()
    {
        var admin = await App.SignInAsync("admin");
        var qiu = (await admin.AccountsAsync()).Single(a => a.UserName == "qiumeiling");

        await (await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{qiu.Id}/password", new { password = "short" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{qiu.Id}/password", new { password = "Fresh@2026" })).ShouldBe(HttpStatusCode.NoContent);

        await (await App.CreateClient().TryTokenAsync("qiumeiling", CivicGrid.Web.Demo.DemoData.Password)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await App.SignInAsync("qiumeiling", "Fresh@2026");
    }

    [Fact]
    public async Task Admin_cannot_disable_itself_but_can_unlock_a_locked_out_account()
    {
        var admin = await App.SignInAsync("admin");
        var accounts = await admin.AccountsAsync();
        var self = accounts.Single(a => a.UserName == "admin");
        await (await admin.PostAsync($"/api/v1/admin/accounts/{self.Id}/disable", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        var anonymous = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.TryTokenAsync("chenliting", "wrong-password");
        }

        var chen = accounts.Single(a => a.UserName == "chenliting");
        await (await admin.PostAsync($"/api/v1/admin/accounts/{chen.Id}/unlock", null)).ShouldBe(HttpStatusCode.OK);
        await App.SignInAsync("chenliting");
    }
}

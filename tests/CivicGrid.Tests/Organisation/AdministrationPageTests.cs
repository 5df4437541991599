using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Organisation;

/// <summary>The administration pages open for administrators; everyone else gets the one forbidden page, with 403.</summary>
public sealed class AdministrationPageTests : AppTest
{
    private static readonly string[] AdministrationPages = ["/Organisation/Units", "/Identity/Accounts", "/Identity/Account"];

    [Fact]
    public async Task Administrator_sees_the_unit_tree_and_the_accounts()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var units = await admin.GetAsync("/Organisation/Units");
        await units.ShouldBe(HttpStatusCode.OK);
        var page = await units.Content.ReadAsStringAsync();
        Assert.Contains("毅阳社区", page);
        Assert.Contains("data-testid=\"nav-units\"", page);
        Assert.Contains("chenliting", await (await admin.GetAsync("/Identity/Accounts")).Content.ReadAsStringAsync());
        await (await admin.GetAsync("/Identity/Account")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_community_head_gets_the_forbidden_page_with_403_on_every_administration_page()
    {
        var head = await App.SignInToPagesAsync("chenliting");
        var someAccount = await App.QueryAsync(db => db.Users.Where(u => u.UserName == "qiumeiling").Select(u => u.Id).SingleAsync());

        foreach (var address in AdministrationPages.Append($"/Identity/Account/{someAccount}"))
        {
            var page = await (await head.GetAsync(address)).ShouldBeForbiddenPage();
            Assert.DoesNotContain("nav-units", page);
            Assert.Contains("陈立婷", page);
        }
    }

    [Fact]
    public async Task A_community_head_posting_the_unit_form_is_refused_and_nothing_is_added()
    {
        var head = await App.SignInToPagesAsync("chenliting");

        var refused = await head.PostFormAsync("/Events/Todo", "/Organisation/Units?handler=Create", new()
        {
            ["Input.Kind"] = "Grid",
            ["Input.Name"] = "第9网格",
            ["Input.Code"] = "350603001001009",
            ["Input.ParentId"] = (await UnitAsync("毅阳社区")).ToString(),
        });

        await refused.ShouldBeForbiddenPage();
        Assert.False(await App.QueryAsync(db => db.OrgUnits.AnyAsync(u => u.Name == "第9网格")));
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_rather_than_refused()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });

        foreach (var address in AdministrationPages)
        {
            var response = await anonymous.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Identity/SignIn", response.Headers.Location?.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_forbidden_page_speaks_the_language_asked_for()
    {
        var head = await App.SignInToPagesAsync("chenliting");

        var chinese = await (await head.GetAsync("/Organisation/Units")).ShouldBeForbiddenPage();
        var english = await (await head.GetAsync("/Organisation/Units?culture=en")).ShouldBeForbiddenPage();

        Assert.Contains("无权访问", chinese);
        Assert.Contains("No access", english);
    }

    [Fact]
    public async Task A_street_administrator_gets_404_not_403_for_an_account_of_another_street()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var xujing = (await admin.AccountsAsync()).Single(a => a.UserName == "xujing"); // 朝阳街道
        var chen = (await admin.AccountsAsync()).Single(a => a.UserName == "chenliting"); // 蓝田街道
        var streetAdmin = await App.SignInToPagesAsync("landianadmin", "Start@2026");

        var outside = await streetAdmin.GetAsync($"/Identity/Account/{xujing.Id}");
        await outside.ShouldBe(HttpStatusCode.NotFound);
        Assert.Contains("data-testid=\"not-found\"", await outside.Content.ReadAsStringAsync());
        await (await streetAdmin.GetAsync($"/Identity/Account/{chen.Id}")).ShouldBe(HttpStatusCode.OK);
    }
}

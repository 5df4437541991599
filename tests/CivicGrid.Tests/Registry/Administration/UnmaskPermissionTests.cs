using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Administration;

/// <summary>Seeing a full number takes a permission an administrator gives on the account.</summary>
public sealed class UnmaskPermissionTests : RegistryAdminTest
{
    [Fact]
    public async Task The_permission_round_trips_through_the_account_api_and_stays_when_left_out()
    {
        var admin = await App.SignInAsync("admin");
        var accounts = await admin.AccountsAsync();
        Assert.True(accounts.Single(a => a.UserName == "chenliting").MayUnmaskPersonalData);
        var worker = accounts.Single(a => a.UserName == "qiumeiling");
        Assert.False(worker.MayUnmaskPersonalData);

        var granted = await (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{worker.Id}",
            new { displayName = worker.DisplayName, role = worker.Role, unitId = worker.UnitId, mayUnmaskPersonalData = true })).ShouldBe<AccountRow>(HttpStatusCode.OK);
        Assert.True(granted.MayUnmaskPersonalData);

        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{worker.Id}",
            new { displayName = "邱美灵（网格员）", role = worker.Role, unitId = worker.UnitId })).ShouldBe<AccountRow>(HttpStatusCode.OK);
        Assert.True(renamed.MayUnmaskPersonalData);

        var withdrawn = await (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{worker.Id}",
            new { displayName = worker.DisplayName, role = worker.Role, unitId = worker.UnitId, mayUnmaskPersonalData = false })).ShouldBe<AccountRow>(HttpStatusCode.OK);
        Assert.False(withdrawn.MayUnmaskPersonalData);
        Assert.False((await admin.AccountsAsync()).Single(a => a.UserName == "qiumeiling").MayUnmaskPersonalData);
    }

    [Fact]
    public async Task Staff_without_the_permission_are_refused_and_nothing_is_audited()
    {
        var number = IdNumber("19520304", 11);
        var person = await RegisterAsync("qiumeiling", await BuildingInAsync("毅阳社区", 3), "201", "张大爷", number);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => UnmaskAsync("qiumeiling", person, "核实低保申请"));
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.Status);
        Assert.Equal(0, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));

        Assert.Equal(number, await UnmaskAsync("chenliting", person, "核实低保申请"));
        Assert.Equal(1, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));
    }

    [Fact]
    public async Task The_account_page_shows_and_saves_the_permission()
    {
        var admin = await App.SignInAsync("admin");
        var worker = (await admin.AccountsAsync()).Single(a => a.UserName == "qiumeiling");
        var pages = await App.SignInToPagesAsync("admin");
        var form = await (await pages.GetAsync($"/Identity/Account/{worker.Id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"account-may-unmask\"", form);

        var saved = await pages.PostFormAsync($"/Identity/Account/{worker.Id}", $"/Identity/Account/{worker.Id}", new()
        {
            ["Input.DisplayName"] = worker.DisplayName,
            ["Input.Role"] = worker.Role.ToString(),
            ["Input.UnitId"] = worker.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MayUnmaskPersonalData"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True((await admin.AccountsAsync()).Single(a => a.UserName == "qiumeiling").MayUnmaskPersonalData);
    }
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Privacy;
using Microsoft.EntityFrameworkCore;
using static CivicGrid.Tests.Registry.Pages.RegistryPages;

namespace CivicGrid.Tests.Registry.Pages;

/// <summary>The person page: masked numbers, residences in reach, corrections, and a full number only on permission and a reason.</summary>
public sealed class PersonPageTests : AppTest
{
    [Fact]
    public async Task The_person_page_shows_numbers_masked_and_where_the_person_lives()
    {
        var (worker, person, building) = await ZhangSanRegisteredAsync();

        var response = await worker.GetAsync($"/Registry/Persons/{person}");
        var page = await response.ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("110***********0016", page);
        Assert.Contains("139****0001", page);
        Assert.DoesNotContain(ZhangSan, page);
        Assert.DoesNotContain("13900000001", page);
        Assert.Contains("北京市朝阳区", page);
        Assert.Contains($"href=\"/Geography/Building/{building}?room=", page);
        Assert.DoesNotContain("data-testid=\"unmask\"", page);
        Assert.DoesNotContain("residences-elsewhere", page);
    }

    [Fact]
    public async Task A_full_number_needs_the_permission_and_a_reason_and_each_view_is_recorded()
    {
        var (worker, person, _) = await ZhangSanRegisteredAsync();
        var page = $"/Registry/Persons/{person}";

        var forbidden = await (await worker.PostFormAsync(page, $"{page}?handler=Unmask", new() { ["field"] = "IdNumber", ["reason"] = "核实低保申请" }))
            .ShouldBePage(HttpStatusCode.Forbidden);
        Assert.Contains("您没有查看完整号码的权限", forbidden);
        Assert.DoesNotContain(ZhangSan, forbidden);

        await App.QueryAsync(db => db.Users.Where(u => u.UserName == "qiumeiling").ExecuteUpdateAsync(u => u.SetProperty(x => x.MayUnmaskPersonalData, true)));
        Assert.Contains("data-testid=\"unmask\"", await worker.GetStringAsync(page));

        var noReason = await (await worker.PostFormAsync(page, $"{page}?handler=Unmask", new() { ["field"] = "IdNumber", ["reason"] = "查" }))
            .ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("请说明查看完整号码的理由", noReason);
        Assert.DoesNotContain(ZhangSan, noReason);
        Assert.Equal(0, await App.QueryAsync(db => db.PersonalDataAccesses.CountAsync()));

        var shown = await worker.PostFormAsync(page, $"{page}?handler=Unmask", new() { ["field"] = "IdNumber", ["reason"] = "核实低保申请" });
        var html = await shown.ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("no-store", shown.Headers.CacheControl?.ToString());
        Assert.Contains(ZhangSan, html);
        Assert.Contains("本次查看已记录", html);
        var audit = await App.QueryAsync(db => db.PersonalDataAccesses.SingleAsync());
        Assert.Equal((person, PersonalField.IdNumber, "核实低保申请"), (audit.PersonId, audit.Field, audit.Reason));
        Assert.DoesNotContain(ZhangSan, await worker.GetStringAsync(page));
    }

    [Fact]
    public async Task A_worker_corrects_a_persons_phone_and_the_history_shows_it_masked()
    {
        var (worker, person, _) = await ZhangSanRegisteredAsync();
        var page = $"/Registry/Persons/{person}";

        var saved = await worker.PostFormAsync(page, $"{page}?handler=Update", new()
        {
            ["Edit.Name"] = "张三",
            ["Edit.Phone"] = "13800000002",
            ["Edit.RegistrationPlace"] = "北京市朝阳区",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await worker.GetStringAsync(page);
        Assert.Contains("电话 139****0001 → 138****0002", html);
        Assert.DoesNotContain("13800000002", html);
    }

    [Fact]
    public async Task A_person_outside_the_reach_is_not_found_and_a_department_has_no_registry()
    {
        var (_, person, _) = await ZhangSanRegisteredAsync();
        var other = await App.SignInToPagesAsync("chenliting");
        Assert.Contains("张三", await other.GetStringAsync("/Registry?q=张三"));
        Assert.Contains("nav-registry", await other.GetStringAsync("/Registry"));

        var department = await App.SignInToPagesAsync("liuqiang");
        await (await department.GetAsync($"/Registry/Persons/{person}")).ShouldBePage(HttpStatusCode.NotFound);
        await (await department.GetAsync("/Registry")).ShouldBeForbiddenPage();
        Assert.DoesNotContain("nav-registry", await department.GetStringAsync("/Events/Todo"));
    }

    [Fact]
    public async Task The_registry_page_leads_to_the_ledger_import_and_the_one_table_reports()
    {
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var html = await worker.GetStringAsync("/Registry");

        Assert.Contains("<a data-testid=\"registry-import\" href=\"/Registry/Import\">", html);
        Assert.Contains("data-testid=\"registry-reports\"", html);
        await (await worker.GetAsync("/Registry/Import")).ShouldBePage(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_registry_lists_the_buildings_of_the_reach_with_residents_and_finds_a_person_by_id_number()
    {
        var (worker, person, building) = await ZhangSanRegisteredAsync();

        var list = await worker.GetStringAsync("/Registry");
        Assert.Contains($"href=\"/Geography/Building/{building}#registry\"", list);
        Assert.Contains("1间房屋 · 1人", list);

        var found = await worker.GetStringAsync($"/Registry?q={ZhangSan}");
        Assert.Contains($"href=\"/Registry/Persons/{person}\"", found);
        Assert.Contains("找到1人", await worker.GetStringAsync("/Registry?q=13900000001"));
    }

    /// <summary>张三 alone in the registry, in place of the demo residents.</summary>
    private async Task<(HttpClient Worker, long Person, int Building)> ZhangSanRegisteredAsync()
    {
        await App.ClearRegistryAsync();
        var building = await App.BuildingInGridAsync("毅阳社区", 3);
        var worker = await App.SignInToPagesAsync("qiumeiling");
        var room = await worker.AddRoomAsync(App, building, "9401");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.RegisterAsync(building, room, ZhangSan, "张三", phone: "13900000001")).StatusCode);
        return (worker, await App.QueryAsync(db => db.Persons.Select(p => p.Id).SingleAsync()), building);
    }
}

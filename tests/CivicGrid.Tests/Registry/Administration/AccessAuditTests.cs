using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Registry.Administration;
using CivicGrid.Web.Registry.Privacy;

namespace CivicGrid.Tests.Registry.Administration;

/// <summary>Administrators read every unmasking by staff of their subtree, never the numbers.</summary>
public sealed class AccessAuditTests : RegistryAdminTest
{
    private const string Accesses = "/api/v1/registry/admin/accesses";

    private readonly string _number = IdNumber("19480512", 31);

    /// <summary>
    /// 陈立婷 (毅阳社区, 蓝田街道) unmasks through the person desk; an unmasking by 许静 (朝阳社区,
    /// another street) is planted, as the desk would have written it, a day later.
    /// </summary>
    private async Task<long> TwoAccessesAsync()
    {
        var person = await RegisterAsync("qiumeiling", await BuildingInAsync("毅阳社区", 3), "301", "王奶奶", _number, "13905961234");
        await UnmaskAsync("chenliting", person, "核实高龄补贴");
        var xujing = await CallerAsync("xujing");
        await App.QueryAsync(async db =>
        {
            db.PersonalDataAccesses.Add(new PersonalDataAccess
            {
                PersonId = person,
                Field = PersonalField.Phone,
                Reason = "联系家属",
                ById = xujing.UserId,
                ByName = xujing.DisplayName,
                ByUnitId = xujing.UnitId,
                At = App.Clock.GetUtcNow().UtcDateTime.AddDays(1),
            });
            return await db.SaveChangesAsync();
        });
        return person;
    }

    [Fact]
    public async Task The_district_administrator_reads_every_access_newest_first_with_masked_numbers_only()
    {
        var person = await TwoAccessesAsync();
        var admin = await App.SignInAsync("admin");

        var response = await admin.GetAsync(Accesses);
        var page = await response.ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);

        Assert.Equal(2, page.Total);
        Assert.Equal(["许静", "陈立婷"], page.Items.Select(a => a.ByName));
        var chen = page.Items[1];
        Assert.Equal((PersonalField.IdNumber, "核实高龄补贴", "毅阳社区", person, "王奶奶"), (chen.Field, chen.Reason, chen.ByUnitName, chen.PersonId, chen.PersonName));
        Assert.Equal(CivicGrid.Web.Registry.CitizenIds.CitizenId.Mask(_number), chen.PersonIdNumberMasked);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(_number, body);
        Assert.DoesNotContain("13905961234", body);
    }

    [Fact]
    public async Task A_street_administrator_reads_only_accesses_by_staff_of_the_street()
    {
        await TwoAccessesAsync();
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");

        var page = await (await streetAdmin.GetAsync(Accesses)).ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);

        Assert.Equal(["陈立婷"], page.Items.Select(a => a.ByName));
    }

    [Fact]
    public async Task Accesses_are_filtered_by_day_and_staff_and_paged()
    {
        await TwoAccessesAsync();
        var admin = await App.SignInAsync("admin");
        var chen = await CallerAsync("chenliting");
        var today = CivicGrid.Web.Infrastructure.Pages.LocalTime.Today(App.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var ofToday = await (await admin.GetAsync($"{Accesses}?from={today}&to={today}")).ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);
        Assert.Equal(["陈立婷"], ofToday.Items.Select(a => a.ByName));
        var fromTomorrow = await (await admin.GetAsync($"{Accesses}?from={DateOnly.Parse(today).AddDays(1):yyyy-MM-dd}")).ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);
        Assert.Equal(["许静"], fromTomorrow.Items.Select(a => a.ByName));
        var byChen = await (await admin.GetAsync($"{Accesses}?staffId={chen.UserId}")).ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);
        Assert.Equal(["陈立婷"], byChen.Items.Select(a => a.ByName));
        var second = await (await admin.GetAsync($"{Accesses}?page=2&pageSize=1")).ShouldBe<Page<AccessRow>>(HttpStatusCode.OK);
        Assert.Equal((2, 2, "陈立婷"), (second.Total, second.PageNumber, second.Items.Single().ByName));
        await (await admin.GetAsync($"{Accesses}?from={today}&to={DateOnly.Parse(today).AddDays(-1):yyyy-MM-dd}")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Staff_who_are_not_administrators_are_refused()
    {
        var head = await App.SignInAsync("chenliting");

        await (await head.GetAsync(Accesses)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_audit_page_names_person_and_reason_but_never_the_full_number()
    {
        var person = await TwoAccessesAsync();
        var pages = await App.SignInToPagesAsync("admin");

        var html = await (await pages.GetAsync("/Registry/Audit")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("核实高龄补贴", html);
        Assert.Contains($"/Registry/Persons/{person}", html);
        Assert.DoesNotContain(_number, html);
        Assert.DoesNotContain("13905961234", html);
        var head = await App.SignInToPagesAsync("chenliting");
        await (await head.GetAsync("/Registry/Audit")).ShouldBeForbiddenPage();
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Registry.Administration;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Registry.Administration;

/// <summary>The district's administrator keeps the one care tag list of the platform.</summary>
public sealed class CareTagAdministrationTests : RegistryAdminTest
{
    private const string Tags = "/api/v1/registry/admin/care-tags";

    [Fact]
    public async Task District_administrator_adds_renames_reorders_retires_and_reactivates_a_tag()
    {
        var admin = await App.SignInAsync("admin");
        var standard = await (await admin.GetAsync(Tags)).ShouldBe<List<CareTagRow>>(HttpStatusCode.OK);
        Assert.Equal(["独居老人", "空巢老人", "残疾人", "低保", "特困", "退役军人", "留守儿童", "重点人员"], standard.Select(t => t.Name));

        var added = await (await admin.PostAsJsonAsync(Tags, new { name = " 孤儿 " })).ShouldBe<CareTagRow>(HttpStatusCode.Created);
        Assert.Equal(("孤儿", standard.Count + 1, true, 0), (added.Name, added.Order, added.IsActive, added.PersonCount));

        var renamed = await (await admin.PutAsJsonAsync($"{Tags}/{added.Id}", new { name = "事实无人抚养儿童" })).ShouldBe<CareTagRow>(HttpStatusCode.OK);
        Assert.Equal("事实无人抚养儿童", renamed.Name);

        var order = standard.Select(t => t.Id).Prepend(added.Id).ToList();
        var reordered = await (await admin.PutAsJsonAsync($"{Tags}/order", new { ids = order })).ShouldBe<List<CareTagRow>>(HttpStatusCode.OK);
        Assert.Equal(order, reordered.Select(t => t.Id));

        var retired = await (await admin.PostAsync($"{Tags}/{added.Id}/retire", null)).ShouldBe<CareTagRow>(HttpStatusCode.OK);
        Assert.False(retired.IsActive);
        var listed = await (await admin.GetAsync(Tags)).ShouldBe<List<CareTagRow>>(HttpStatusCode.OK);
        Assert.Contains(listed, t => t.Id == added.Id && !t.IsActive);

        var back = await (await admin.PostAsync($"{Tags}/{added.Id}/reactivate", null)).ShouldBe<CareTagRow>(HttpStatusCode.OK);
        Assert.True(back.IsActive);
    }

    [Fact]
    public async Task A_duplicate_an_empty_or_a_too_long_name_is_refused_and_nothing_changes()
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.CareTags.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Name).ToListAsync());

        await (await admin.PostAsJsonAsync(Tags, new { name = "低保" })).ShouldBeProblem(HttpStatusCode.Conflict);
        var tooLong = await (await admin.PostAsJsonAsync(Tags, new { name = new string('老', 21) })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("name", out _), tooLong.ToString());
        await (await admin.PostAsJsonAsync(Tags, new { name = "  " })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var first = await App.QueryAsync(db => db.CareTags.OrderBy(t => t.Order).FirstAsync());
        await (await admin.PutAsJsonAsync($"{Tags}/{first.Id}", new { name = "特困" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await admin.PutAsJsonAsync($"{Tags}/order", new { ids = new[] { first.Id } })).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Equal(before, await App.QueryAsync(db => db.CareTags.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Name).ToListAsync()));
        Assert.Equal(Enumerable.Range(1, before.Count), await App.QueryAsync(db => db.CareTags.OrderBy(t => t.Id).Select(t => t.Order).ToListAsync()));
    }

    [Fact]
    public async Task A_community_head_and_a_street_administrator_are_refused()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var head = await App.SignInAsync("chenliting");
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");

        await (await head.GetAsync(Tags)).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await head.PostAsJsonAsync(Tags, new { name = "孤儿" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await streetAdmin.PostAsJsonAsync(Tags, new { name = "孤儿" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        Assert.False(await App.QueryAsync(db => db.CareTags.AnyAsync(t => t.Name == "孤儿")));
    }

    [Fact]
    public async Task A_retired_tag_stays_on_the_person_and_counts()
    {
        await App.ClearRegistryAsync();
        var admin = await App.SignInAsync("admin");
        var building = await BuildingInAsync("毅阳社区", 3);
        var tag = await App.QueryAsync(db => db.CareTags.SingleAsync(t => t.Name == "独居老人"));
        var person = await RegisterAsync("qiumeiling", building, "101", "林阿婆", IdNumber("19400101", 22));
        await App.QueryAsync(async db =>
        {
            db.PersonCareTags.Add(new CivicGrid.Web.Registry.Persons.PersonCareTag { PersonId = person, CareTagId = tag.Id, TaggedAt = App.Clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        var retired = await (await admin.PostAsync($"{Tags}/{tag.Id}/retire", null)).ShouldBe<CareTagRow>(HttpStatusCode.OK);

        Assert.Equal((false, 1), (retired.IsActive, retired.PersonCount));
        Assert.True(await App.QueryAsync(db => db.PersonCareTags.AnyAsync(t => t.PersonId == person && t.CareTagId == tag.Id)));
    }

    [Fact]
    public async Task The_page_lists_the_tags_and_a_refused_name_is_shown_beside_the_form()
    {
        var pages = await App.SignInToPagesAsync("admin");
        var html = await (await pages.GetAsync("/Registry/CareTags")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("独居老人", html);

        var refused = await pages.PostFormAsync("/Registry/CareTags", "/Registry/CareTags?handler=Add", new() { ["Name"] = "低保" });
        var page = await refused.ShouldBePage(HttpStatusCode.Conflict);
        Assert.Contains("已有名为“低保”的关爱标签", page);

        var head = await App.SignInToPagesAsync("chenliting");
        await (await head.GetAsync("/Registry/CareTags")).ShouldBeForbiddenPage();
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Categories;

/// <summary>The district's administrator keeps the category tree; nobody else touches it, and nothing half-made is ever stored.</summary>
public sealed class CategoryAdministrationTests : AppTest
{
    [Fact]
    public async Task Admin_adds_a_major_and_a_minor_and_grid_workers_can_pick_and_report_it_at_once()
    {
        var admin = await App.SignInAsync("admin");
        var deadlines = CategoryAdmin.Steps.SelectMany(s => Enum.GetValues<Urgency>().Select(u => new DeadlineCell(s, u, s == EventStep.Accept ? 45 : 600))).ToList();

        var major = await admin.CreateCategoryAsync(CategoriesClient.Category("G09", "文明创建", name: "文明城市创建"));
        var minor = await admin.CreateCategoryAsync(CategoriesClient.Category("G0901", "不文明行为", major.Id, name: "不文明行为劝导", synonyms: ["随地吐痰", "乱穿马路"], deadlines: deadlines));

        var qiu = await App.SignInAsync("qiumeiling");
        var picked = (await qiu.CategoryTreeAsync("随地吐痰")).Single();
        Assert.Equal(major.Id, picked.Major.Id);
        Assert.Equal(minor.Id, Assert.Single(picked.Minors).Id);

        var reported = await qiu.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), categoryId: minor.Id));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddMinutes(45), reported.StepDeadline);
    }

    [Fact]
    public async Task Admin_edits_every_field_and_the_deadline_table_and_new_events_follow_it()
    {
        var admin = await App.SignInAsync("admin");
        var manhole = await (await admin.GetAsync("/api/v1/admin/categories/6")).ShouldBe<CategoryRow>(HttpStatusCode.OK);
        var cells = manhole.Deadlines.Select(d => d.Step == EventStep.Accept && d.Urgency == Urgency.Critical ? d with { Minutes = 10 } : d).ToList();

        var edited = await (await admin.PutAsJsonAsync("/api/v1/admin/categories/6", new CategoryRequest(
            manhole.ParentId, manhole.Code, manhole.Name, "井盖坏了、丢了、响了", manhole.NameEn, [.. manhole.Synonyms, "井盖响"], ["井盖一压就响"],
            manhole.Initials + " jgx", Urgency.Critical, WorkingTime: true, cells), ResponseAssertions.Json)).ShouldBe<CategoryRow>(HttpStatusCode.OK);

        Assert.Equal("井盖坏了、丢了、响了", edited.PlainName);
        Assert.Equal(Urgency.Critical, edited.DefaultUrgency);
        Assert.True(edited.WorkingTime);
        Assert.Equal(["井盖一压就响"], edited.Examples);
        var qiu = await App.SignInAsync("qiumeiling");
        var view = (await qiu.CategoryTreeAsync("jgx")).SelectMany(g => g.Minors).Single();
        Assert.True(view.WorkingTime);

        // An event reported without an urgency takes the category's default, and its deadline from the edited table.
        var report = new { title = "井盖响", description = "一压就响", categoryId = 6, latitude = (await SpotInGridAsync("毅阳社区", 3)).Latitude, longitude = (await SpotInGridAsync("毅阳社区", 3)).Longitude, address = "毅阳路" };
        var reported = await (await qiu.PostAsJsonAsync("/api/v1/events", report)).ShouldBe<EventDetail>(HttpStatusCode.Created);
        Assert.Equal(Urgency.Critical, reported.Urgency);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddMinutes(10), reported.StepDeadline);
    }

    [Fact]
    public async Task A_taken_code_a_minor_code_outside_its_major_and_missing_names_are_refused_together_and_nothing_is_stored()
    {
        var admin = await App.SignInAsync("admin");
        var before = await App.QueryAsync(db => db.Categories.CountAsync());
        var b01 = await App.QueryAsync(db => db.Categories.Where(c => c.Code == "B01").Select(c => c.Id).SingleAsync());

        var taken = await (await admin.TryCreateCategoryAsync(CategoriesClient.Category("B0101", "又一个井盖", b01))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var outside = await (await admin.TryCreateCategoryAsync(CategoriesClient.Category("G0199", "放错地方", b01))).ShouldBeProblem(HttpStatusCode.BadRequest);
        var nameless = await (await admin.TryCreateCategoryAsync(new { parentId = b01, code = "B0198" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var badCells = await (await admin.TryCreateCategoryAsync(CategoriesClient.Category("B0197", "半张表", b01, deadlines: [new(EventStep.Handle, Urgency.Normal, 60)]))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("已被使用", taken.GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Contains("大类的编码开头", outside.GetProperty("errors").GetProperty("code")[0].GetString());
        foreach (var field in new[] { "name", "plainName", "nameEn" })
        {
            Assert.True(nameless.GetProperty("errors").TryGetProperty(field, out _), nameless.ToString());
        }

        Assert.True(badCells.GetProperty("errors").TryGetProperty("deadlines", out _), badCells.ToString());
        Assert.Equal(before, await App.QueryAsync(db => db.Categories.CountAsync()));
    }

    [Fact]
    public async Task A_category_events_use_is_deactivated_not_deleted_and_is_no_longer_offered()
    {
        var admin = await App.SignInAsync("admin");
        var qiu = await App.SignInAsync("qiumeiling");
        var spot = await SpotInGridAsync("毅阳社区", 3);
        var earlier = await qiu.ReportAsync(EventsClient.Report(spot, categoryId: 13));

        await (await admin.PostAsync("/api/v1/admin/categories/13/deactivate", null)).ShouldBe<CategoryRow>(HttpStatusCode.OK);

        Assert.DoesNotContain((await qiu.CategoryTreeAsync()).SelectMany(g => g.Minors), c => c.Id == 13);
        var refused = await (await qiu.PostAsJsonAsync("/api/v1/events", EventsClient.Report(spot, categoryId: 13))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("categoryId", out _));
        Assert.Equal("食品安全", (await qiu.GetEventAsync(earlier.Id)).CategoryName);
        Assert.True((await (await admin.GetAsync("/api/v1/admin/categories/13")).ShouldBe<CategoryRow>(HttpStatusCode.OK)).InUse);
    }

    [Fact]
    public async Task A_major_goes_out_of_service_only_after_its_minors_and_a_minor_comes_back_only_under_an_active_major()
    {
        var admin = await App.SignInAsync("admin");
        var tree = await (await admin.GetAsync("/api/v1/admin/categories")).ShouldBe<List<CategoryRow>>(HttpStatusCode.OK);
        var major = tree.Single(c => c.Code == "B05");
        var minors = tree.Where(c => c.ParentId == major.Id).ToList();

        await (await admin.PostAsync($"/api/v1/admin/categories/{major.Id}/deactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        foreach (var minor in minors)
        {
            await (await admin.PostAsync($"/api/v1/admin/categories/{minor.Id}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        }

        await (await admin.PostAsync($"/api/v1/admin/categories/{major.Id}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/admin/categories/{minors[0].Id}/reactivate", null)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.DoesNotContain(await (await App.SignInAsync("qiumeiling")).CategoryTreeAsync(), g => g.Major.Id == major.Id);
    }

    [Fact]
    public async Task An_event_takes_a_minor_category_not_a_major()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var major = (await qiu.CategoryTreeAsync())[0].Major;

        var problem = await (await qiu.PostAsJsonAsync("/api/v1/events", EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), categoryId: major.Id))).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.Contains("小类", problem.GetProperty("errors").GetProperty("categoryId")[0].GetString());
    }

    [Theory]
    [InlineData("chenliting")]
    [InlineData("wangjun")]
    [InlineData("liming")]
    public async Task Anyone_but_an_administrator_is_refused_and_nothing_changes(string userName)
    {
        var someone = await App.SignInAsync(userName);

        await (await someone.GetAsync("/api/v1/admin/categories")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await someone.TryCreateCategoryAsync(CategoriesClient.Category("G10", "不该有的"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await someone.PostAsync("/api/v1/admin/categories/6/deactivate", null)).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.False(await App.QueryAsync(db => db.Categories.AnyAsync(c => c.Code == "G10" || !c.IsActive)));
    }

    [Fact]
    public async Task A_streets_administrator_may_not_change_the_districts_categories()
    {
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("landianadmin", "Administrator", await UnitAsync("蓝田街道"));
        var streetAdmin = await App.SignInAsync("landianadmin", "Start@2026");

        var problem = await (await streetAdmin.TryCreateCategoryAsync(CategoriesClient.Category("G10", "街道自建"))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await streetAdmin.PostAsync("/api/v1/admin/categories/6/deactivate", null)).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Contains("区级", problem.GetProperty("detail").GetString());
        Assert.False(await App.QueryAsync(db => db.Categories.AnyAsync(c => c.Code == "G10" || !c.IsActive)));
    }
}

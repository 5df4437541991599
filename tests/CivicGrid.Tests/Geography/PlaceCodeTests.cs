using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Geography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicGrid.Tests.Geography;

/// <summary>
/// The QR codes on the walls of grids and buildings: issued when first needed, one in service per
/// place, revoked and reissued by the community's head, and only ever seen by staff of the place.
/// </summary>
public sealed partial class PlaceCodeTests : AppTest
{
    // Issuing

    [Fact]
    public async Task A_grid_gets_its_code_on_first_need_and_keeps_it()
    {
        var chen = await App.SignInAsync("chenliting"); // head of 毅阳社区
        var grid = await GridAsync("毅阳社区", 3);
        Assert.Empty(await (await chen.TryCodesOfAsync(PlaceCodeKind.Grid, grid)).ShouldBe<List<PlaceCodeView>>(HttpStatusCode.OK));

        var issued = await (await chen.TryIssueCodeAsync(PlaceCodeKind.Grid, grid)).ShouldBe<PlaceCodeView>(HttpStatusCode.Created);
        var again = await (await chen.TryIssueCodeAsync(PlaceCodeKind.Grid, grid)).ShouldBe<PlaceCodeView>(HttpStatusCode.OK);

        Assert.Equal(issued.Token, again.Token);
        Assert.Matches(TokenShape(), issued.Token);
        Assert.Equal($"/q/{issued.Token}", issued.Url.AbsolutePath);
        Assert.Equal("毅阳社区 · 第3网格", issued.PlaceName);
        var codes = await (await chen.TryCodesOfAsync(PlaceCodeKind.Grid, grid)).ShouldBe<List<PlaceCodeView>>(HttpStatusCode.OK);
        Assert.Equal(issued.Token, Assert.Single(codes).Token);
    }

    [Fact]
    public async Task Printing_a_label_sheet_gives_every_building_of_the_community_a_code_at_once()
    {
        var chen = await App.SignInToPagesAsync("chenliting");
        var community = await UnitAsync("毅阳社区");
        var buildings = await App.QueryAsync(db => db.Buildings.CountAsync(b => db.OrgUnits.Any(g => g.Id == b.GridId && g.ParentId == community)));

        var sheet = await (await chen.GetAsync($"/Geography/Labels/{community}?kind=Building")).ShouldBePage(HttpStatusCode.OK);

        var tokens = LabelTokens().Matches(sheet).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(buildings, tokens.Count);
        Assert.Equal(buildings, tokens.Distinct().Count());
        Assert.Equal(buildings, await App.QueryAsync(db => db.PlaceCodes.CountAsync(c => c.Kind == PlaceCodeKind.Building)));
        Assert.Equal(buildings, Regex.Matches(sheet, "<svg ").Count);

        // Printed again, the sheet shows the same codes: nothing new is issued.
        var reprint = await (await chen.GetAsync($"/Geography/Labels/{community}?kind=Building")).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal(tokens, LabelTokens().Matches(reprint).Select(m => m.Groups[1].Value).ToList());
        Assert.Equal(buildings, await App.QueryAsync(db => db.PlaceCodes.CountAsync()));
    }

    [Fact]
    public async Task A_token_drawn_twice_or_already_issued_is_drawn_again()
    {
        var community = await UnitAsync("毅阳社区");
        await App.QueryAsync(db =>
        {
            db.PlaceCodes.Add(new PlaceCode { Token = "TAKEN234", Kind = PlaceCodeKind.Building, TargetId = 1, CreatedAt = App.Clock.GetUtcNow().UtcDateTime, RevokedAt = App.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        // Four grids: the first draw repeats a token, the second draw hits a revoked one.
        var scripted = new ScriptedTokens("AAAA2222", "AAAA2222", "BBBB3333", "CCCC4444", "TAKEN234", "DDDD5555");
        var app = App.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
        {
            services.RemoveAll<PlaceCodeTokens>();
            services.AddSingleton<PlaceCodeTokens>(scripted);
        }));
        var chen = await app.SignInToPagesAsync("chenliting");

        var sheet = await (await chen.GetAsync($"/Geography/Labels/{community}?kind=Grid")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(new[] { "AAAA2222", "BBBB3333", "CCCC4444", "DDDD5555" }, LabelTokens().Matches(sheet).Select(m => m.Groups[1].Value).Order());
        Assert.Equal(1, await App.QueryAsync(db => db.PlaceCodes.CountAsync(c => c.Token == "TAKEN234")));
    }

    [Fact]
    public async Task Codes_carry_the_public_address_when_one_is_configured()
    {
        var building = await BuildingInGridAsync("毅阳社区", 1);
        var app = App.WithWebHostBuilder(host => host.UseSetting("Geography:PublicBaseUrl", "https://grid.example.cn/longwen"));
        var chen = await app.SignInToPagesAsync("chenliting");

        var page = await (await chen.GetAsync($"/Geography/Building/{building}")).ShouldBePage(HttpStatusCode.OK);

        var token = CodeOnPage().Match(page).Groups[1].Value;
        Assert.Contains($"href=\"https://grid.example.cn/longwen/q/{token}\"", page);
    }

    [Fact]
    public async Task The_api_asks_for_exactly_one_place_and_a_known_kind()
    {
        var chen = await App.SignInAsync("chenliting");

        await (await chen.GetAsync("/api/v1/place-codes?grid=1&building=1")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await chen.GetAsync("/api/v1/place-codes")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var problem = await (await chen.PostAsJsonAsync("/api/v1/place-codes", new { kind = "Grid" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("targetId", out _), problem.ToString());
        await (await chen.PostAsJsonAsync("/api/v1/place-codes", new { kind = "Flat", targetId = 1 })).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    // Scanning

    [Fact]
    public async Task A_grid_worker_scanning_a_grid_code_lands_on_the_report_form_inside_that_grid()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var code = await (await App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Grid, grid);
        var lin = await App.SignInToPagesAsync("linxiaohua"); // grid worker of 毅阳社区第1网格

        var scan = await lin.GetAsync(code.Url.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, scan.StatusCode);
        Assert.Equal($"/Events/Report?grid={grid}", scan.Headers.Location?.OriginalString);
        var form = await (await lin.GetAsync(scan.Headers.Location)).ShouldBePage(HttpStatusCode.OK);
        Assert.Matches("data-testid=\"place-preview\"[^>]*>[^<]*毅阳社区 · 第3网格<", form);
    }

    [Fact]
    public async Task Staff_scanning_a_building_code_open_its_page_if_they_look_after_it_else_report_there()
    {
        var building = await BuildingInGridAsync("毅阳社区", 3);
        var code = await (await App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Building, building);

        var chen = await App.SignInToPagesAsync("chenliting");
        var zheng = await App.SignInToPagesAsync("zhengwei"); // grid worker of 檀林社区, passing by

        Assert.Equal($"/Geography/Building/{building}", (await chen.GetAsync(code.Url.PathAndQuery)).Headers.Location?.OriginalString);
        Assert.Equal($"/Events/Report?building={building}", (await zheng.GetAsync(code.Url.PathAndQuery)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_resident_scanning_a_code_lands_on_the_report_form_placed_there_and_sees_nothing_internal()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var code = await (await App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Grid, grid);
        var resident = App.CreateClient(new() { AllowAutoRedirect = false });

        var landing = await resident.GetAsync(code.Url.PathAndQuery.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal($"/r/report?code={code.Token}", landing.Headers.Location?.OriginalString);
        var page = await (await resident.GetAsync(landing.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("毅阳社区 · 第3网格", page);
        Assert.Contains($"/Identity/SignIn?returnUrl=%2Fq%2F{code.Token}", page);
        Assert.DoesNotContain("/Events/", page);
        Assert.DoesNotContain("/Geography/", page);
        Assert.DoesNotContain("grid=", page);
    }

    [Theory]
    [InlineData("ZZZZ9999", "这个二维码已失效")]
    [InlineData("not-a-code", "这个二维码已失效")]
    [InlineData("ZZZZ9999?culture=en", "no longer valid")]
    public async Task An_unknown_code_gets_the_invalid_code_page_with_404(string path, string says)
    {
        var resident = App.CreateClient(new() { AllowAutoRedirect = false });

        var page = await (await resident.GetAsync($"/q/{path}")).ShouldBePage(HttpStatusCode.NotFound);

        Assert.Contains("data-testid=\"invalid-code\"", page);
        Assert.Contains(says, page);
    }

    [Fact]
    public async Task The_api_resolves_a_scanned_token_and_says_where_it_opens()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling");
        var code = await qiu.CodeOfAsync(PlaceCodeKind.Grid, grid);

        var resolved = await (await qiu.GetAsync($"/api/v1/place-codes/{code.Token}")).ShouldBe<JsonElement>(HttpStatusCode.OK);

        Assert.Equal("ReportInGrid", resolved.GetProperty("landing").GetString());
        Assert.Equal($"/Events/Report?grid={grid}", resolved.GetProperty("opens").GetString());
        Assert.Equal("第3网格", resolved.GetProperty("gridName").GetString());
        var problem = await (await qiu.GetAsync("/api/v1/place-codes/ZZZZ9999")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Contains("已失效", problem.GetProperty("detail").GetString());
    }

    // Revoking

    [Fact]
    public async Task A_revoked_code_opens_the_invalid_page_and_its_replacement_opens_the_building()
    {
        var building = await BuildingInGridAsync("毅阳社区", 3);
        var chen = await App.SignInAsync("chenliting");
        var old = await chen.CodeOfAsync(PlaceCodeKind.Building, building);
        var resident = App.CreateClient(new() { AllowAutoRedirect = false });
        await (await resident.GetAsync(old.Url.PathAndQuery)).ShouldBe(HttpStatusCode.Redirect);

        var replacement = await chen.RevokeCodeAsync(old.Token);

        Assert.NotEqual(old.Token, replacement.Token);
        var dead = await (await resident.GetAsync(old.Url.PathAndQuery)).ShouldBePage(HttpStatusCode.NotFound);
        Assert.Contains("这个二维码已失效", dead);
        var landing = await resident.GetAsync(replacement.Url.PathAndQuery);
        Assert.Equal($"/r/report?code={replacement.Token}", landing.Headers.Location?.OriginalString);
        var alive = await (await resident.GetAsync(landing.Headers.Location!.OriginalString)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("蓝田街道毅阳社区", alive);
        await (await chen.TryRevokeCodeAsync(old.Token)).ShouldBeProblem(HttpStatusCode.Conflict);
        var history = await (await chen.TryCodesOfAsync(PlaceCodeKind.Building, building)).ShouldBe<List<PlaceCodeView>>(HttpStatusCode.OK);
        Assert.Equal(new[] { replacement.Token, old.Token }, history.Select(c => c.Token));
        Assert.Equal(new[] { true, false }, history.Select(c => c.IsActive));
    }

    [Fact]
    public async Task A_community_head_revokes_a_building_code_from_the_buildings_page()
    {
        var building = await BuildingInGridAsync("毅阳社区", 2);
        var chen = await App.SignInToPagesAsync("chenliting");
        var page = await (await chen.GetAsync($"/Geography/Building/{building}")).ShouldBePage(HttpStatusCode.OK);
        var old = CodeOnPage().Match(page).Groups[1].Value;

        var revoked = await chen.PostFormAsync($"/Geography/Building/{building}", $"/Geography/Building/{building}?handler=Revoke", new() { ["token"] = old });

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await (await chen.GetAsync(revoked.Headers.Location)).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"code-revoked\"", after);
        Assert.NotEqual(old, CodeOnPage().Match(after).Groups[1].Value);
        await (await App.CreateClient().GetAsync($"/q/{old}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_grid_worker_sees_the_code_of_her_grid_but_may_not_revoke_it()
    {
        var grid = await GridAsync("毅阳社区", 3);
        var qiu = await App.SignInAsync("qiumeiling"); // 毅阳社区第3网格
        var code = await qiu.CodeOfAsync(PlaceCodeKind.Grid, grid);

        var refused = await (await qiu.TryRevokeCodeAsync(code.Token)).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Contains("社区的负责人", refused.GetProperty("detail").GetString());
        var qiuPages = await App.SignInToPagesAsync("qiumeiling");
        var sheet = await (await qiuPages.GetAsync($"/Geography/Labels/{await UnitAsync("毅阳社区")}?kind=Grid")).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal(new[] { code.Token }, LabelTokens().Matches(sheet).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("revoke-grid-code", await (await qiuPages.GetAsync($"/Geography/Buildings/{await UnitAsync("毅阳社区")}")).Content.ReadAsStringAsync());
    }

    // Scope

    [Fact]
    public async Task The_head_of_one_community_can_neither_see_nor_revoke_the_codes_of_the_next()
    {
        var tanlinGrid = await GridAsync("檀林社区", 1);
        var tanlinBuilding = await BuildingInGridAsync("檀林社区", 1);
        var tanlin = await UnitAsync("檀林社区");
        var huang = await App.SignInAsync("huangyan"); // head of 檀林社区
        var code = await huang.CodeOfAsync(PlaceCodeKind.Grid, tanlinGrid);
        var buildingCode = await huang.CodeOfAsync(PlaceCodeKind.Building, tanlinBuilding);
        var chen = await App.SignInAsync("chenliting"); // head of 毅阳社区

        await (await chen.TryCodesOfAsync(PlaceCodeKind.Grid, tanlinGrid)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryCodesOfAsync(PlaceCodeKind.Building, tanlinBuilding)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryIssueCodeAsync(PlaceCodeKind.Grid, tanlinGrid)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryRevokeCodeAsync(code.Token)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chen.TryRevokeCodeAsync(buildingCode.Token)).ShouldBeProblem(HttpStatusCode.NotFound);

        var chenPages = await App.SignInToPagesAsync("chenliting");
        foreach (var page in new[] { $"/Geography/Labels/{tanlin}?kind=Grid", $"/Geography/Labels/{tanlin}?kind=Building", $"/Geography/Buildings/{tanlin}", $"/Geography/Building/{tanlinBuilding}" })
        {
            var html = await (await chenPages.GetAsync(page)).ShouldBePage(HttpStatusCode.NotFound);
            Assert.DoesNotContain(code.Token, html);
            Assert.DoesNotContain(buildingCode.Token, html);
        }

        var posted = await chenPages.PostFormAsync("/Events/Todo", $"/Geography/Building/{tanlinBuilding}?handler=Revoke", new() { ["token"] = buildingCode.Token });
        await posted.ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(2, await App.QueryAsync(db => db.PlaceCodes.CountAsync(c => c.RevokedAt == null)));
        // Their own head may.
        Assert.NotEqual(buildingCode.Token, (await huang.RevokeCodeAsync(buildingCode.Token)).Token);
    }

    [Fact]
    public async Task A_department_has_no_places_to_look_after_and_gets_the_forbidden_page()
    {
        var liu = await App.SignInToPagesAsync("liuqiang"); // 蓝田街道城管办

        await (await liu.GetAsync("/Geography/Buildings")).ShouldBeForbiddenPage();
        await (await liu.GetAsync($"/Geography/Labels/{await UnitAsync("毅阳社区")}")).ShouldBeForbiddenPage();
    }

    // Buildings

    [Fact]
    public async Task A_buildings_page_shows_its_units_recent_events_code_and_a_link_to_report_there()
    {
        var building = await BuildingInGridAsync("毅阳社区", 3);
        var at = await App.QueryAsync(db => db.Buildings.Where(b => b.Id == building).Select(b => new Spot(b.Latitude, b.Longitude)).SingleAsync());
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(at, buildingId: building));
        var chen = await App.SignInToPagesAsync("chenliting");

        var page = await (await chen.GetAsync($"/Geography/Building/{building}")).ShouldBePage(HttpStatusCode.OK);

        Assert.Contains("1单元、2单元、3单元", page);
        Assert.Contains(reported.Number, page);
        Assert.Contains($"href=\"/Events/Report?building={building}\"", page);
        Assert.Contains("data-testid=\"building-registry\"", page);
        Assert.Contains("蓝田街道 · 毅阳社区 · 第3网格", page);
        var token = CodeOnPage().Match(page).Groups[1].Value;
        Assert.Contains("<svg ", page);
        Assert.Equal(token, (await App.QueryAsync(db => db.PlaceCodes.SingleAsync(c => c.Kind == PlaceCodeKind.Building && c.TargetId == building))).Token);
    }

    [Fact]
    public async Task The_buildings_of_a_community_are_found_by_name_or_address()
    {
        var chen = await App.SignInToPagesAsync("chenliting");
        var community = await UnitAsync("毅阳社区");

        var all = await (await chen.GetAsync($"/Geography/Buildings/{community}")).ShouldBePage(HttpStatusCode.OK);
        var found = await (await chen.GetAsync($"/Geography/Buildings/{community}?q={Uri.EscapeDataString("毅阳社区3栋")}")).ShouldBePage(HttpStatusCode.OK);

        Assert.True(Regex.Matches(all, "data-testid=\"building\"").Count > 1);
        Assert.Single(Regex.Matches(found, "data-testid=\"building\""));
        Assert.Contains(">3栋<", found);
        Assert.Equal($"/Geography/Buildings/{community}", (await chen.GetAsync("/Geography/Buildings")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_street_centre_chooses_among_the_communities_of_its_street()
    {
        var wang = await App.SignInToPagesAsync("wangjun"); // 蓝田街道综治中心

        var page = await (await wang.GetAsync("/Geography/Buildings")).ShouldBePage(HttpStatusCode.OK);

        Assert.Equal(3, Regex.Matches(page, "data-testid=\"community\"").Count);
        Assert.Contains("檀林社区", page);
        Assert.DoesNotContain("朝阳社区", page);
    }

    private Task<int> BuildingInGridAsync(string community, int n) => App.QueryAsync(async db =>
    {
        var grid = await db.OrgUnits.Where(u => u.Parent!.Name == community && u.Name == $"第{n}网格").Select(u => u.Id).SingleAsync();
        return await db.Buildings.Where(b => b.GridId == grid).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
    });

    [GeneratedRegex("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("data-testid=\"label\" data-token=\"([^\"]+)\"")]
    private static partial Regex LabelTokens();

    [GeneratedRegex("name=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex CodeOnPage();

    /// <summary>Tokens in a set order, to make the generator collide on purpose.</summary>
    private sealed class ScriptedTokens(params string[] tokens) : PlaceCodeTokens
    {
        private readonly Queue<string> _next = new(tokens);

        public override string Next() => _next.Dequeue();
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Indicators;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Indicators;

/// <summary>The ranking of units: off until the district's administrator turns it on, and ordered as its page says.</summary>
public sealed class RankingTests : IAsyncLifetime
{
    private const string Week = "from=2026-11-23&to=2026-11-29";

    private CivicGridFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task The_ranking_is_off_by_default()
    {
        var wang = await App.SignInAsync("wangjun");

        await (await wang.GetAsync("/api/v1/indicators/ranking")).ShouldBeProblem(HttpStatusCode.NotFound);
        var page = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Indicators/Ranking")).ShouldBePage(HttpStatusCode.NotFound);
        Assert.Contains("data-testid=\"ranking-not-enabled\"", page);
        Assert.DoesNotContain("data-testid=\"ranking-ranked\"", page);
        var dashboard = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Indicators")).ShouldBePage(HttpStatusCode.OK);
        Assert.DoesNotContain("data-testid=\"indicator-ranking-link\"", dashboard);
        Assert.Contains("data-testid=\"indicator-map-link\"", dashboard);
        Assert.Contains("data-testid=\"indicator-summary-link\"", dashboard);
        var settings = await (await (await App.SignInAsync("admin")).GetAsync("/api/v1/indicators/ranking/settings")).ShouldBe<RankingSettingsView>(HttpStatusCode.OK);
        Assert.False(settings.RankingEnabled);
    }

    [Fact]
    public async Task An_administrator_turns_the_ranking_on_and_off_on_the_settings_page()
    {
        var admin = await App.SignInToPagesAsync("admin");

        var on = await admin.PostFormAsync("/Indicators/Ranking/Settings", "/Indicators/Ranking/Settings", new() { ["rankingEnabled"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Contains("data-enabled=\"true\"", await (await admin.GetAsync("/Indicators/Ranking/Settings")).ShouldBePage(HttpStatusCode.OK));
        var wang = await App.SignInAsync("wangjun");
        var ranking = await (await wang.GetAsync("/api/v1/indicators/ranking")).ShouldBe<RankingResult>(HttpStatusCode.OK);
        Assert.Equal(("蓝田街道", RankingLevel.Community), (ranking.Place.Name, ranking.Level));
        var page = await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Indicators/Ranking")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"ranking-method\"", page);

        Assert.Contains("data-testid=\"indicator-ranking-link\"", await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Indicators")).ShouldBePage(HttpStatusCode.OK));

        await admin.PostFormAsync("/Indicators/Ranking/Settings", "/Indicators/Ranking/Settings", new() { ["rankingEnabled"] = "false" });

        await (await wang.GetAsync("/api/v1/indicators/ranking")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.DoesNotContain("data-testid=\"indicator-ranking-link\"", await (await (await App.SignInToPagesAsync("wangjun")).GetAsync("/Indicators")).ShouldBePage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task No_one_but_an_administrator_turns_the_ranking_on()
    {
        foreach (var user in new[] { "chenliting", "wangjun", "zhanghui", "liming" })
        {
            var client = await App.SignInAsync(user);
            await (await client.PutAsJsonAsync("/api/v1/indicators/ranking/settings", new RankingSettingsRequest(true))).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await (await App.SignInToPagesAsync(user)).GetAsync("/Indicators/Ranking/Settings")).ShouldBeForbiddenPage();
        }

        await (await (await App.SignInAsync("zhanghui")).GetAsync("/api/v1/indicators/ranking")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Units_are_ranked_by_on_time_rate_then_satisfaction_and_too_few_are_listed_apart()
    {
        await BuildAWeekAsync();
        await (await (await App.SignInAsync("admin")).PutAsJsonAsync("/api/v1/indicators/ranking/settings", new RankingSettingsRequest(true))).ShouldBe(HttpStatusCode.OK);
        var zhang = await App.SignInAsync("zhanghui");

        var communities = await (await zhang.GetAsync($"/api/v1/indicators/ranking?level=community&{Week}")).ShouldBe<RankingResult>(HttpStatusCode.OK);
        var streets = await (await zhang.GetAsync($"/api/v1/indicators/ranking?{Week}")).ShouldBe<RankingResult>(HttpStatusCode.OK);

        // 檀林 and 毅阳 both closed everything on time; 檀林's ratings were better. 湘桥 was late once.
        Assert.Equal([(1, "檀林社区", 1.0, 1.0), (2, "毅阳社区", 1.0, 0.5), (3, "湘桥社区", 0.8, (double?)null)],
            communities.Ranked.Select(u => (u.Rank!.Value, u.Name, u.OnTimeRate!.Value, u.SatisfactionRate)));
        Assert.Equal(new[] { "北庭社区", "朝阳社区", "步文社区", "龙江社区" }.Order(StringComparer.Ordinal), communities.TooFew.Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.All(communities.TooFew, u => Assert.Null(u.Rank));
        Assert.Equal([(1, "蓝田街道", 16)], streets.Ranked.Select(u => (u.Rank!.Value, u.Name, u.Closed)));
        Assert.Equal(2, streets.TooFew.Count);

        var page = await (await (await App.SignInToPagesAsync("zhanghui")).GetAsync($"/Indicators/Ranking?level=community&{Week}")).ShouldBePage(HttpStatusCode.OK);
        Assert.True(page.IndexOf("檀林社区", StringComparison.Ordinal) < page.IndexOf("毅阳社区", StringComparison.Ordinal));
        await (await zhang.GetAsync($"/api/v1/indicators/ranking?level=grid&{Week}")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await (await App.SignInAsync("wangjun")).GetAsync($"/api/v1/indicators/ranking?level=street&{Week}")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    /// <summary>
    /// Sixteen events solved on the spot in 毅阳社区's third grid on 23 November (closed, on time),
    /// then their outcome rows — what the ranking reads — set by hand: six stay in 毅阳 (two rated,
    /// one 满意), five move to 檀林 (two rated, both 满意), five to 湘桥 (one of them late, none rated).
    /// </summary>
    private async Task BuildAWeekAsync()
    {
        var qiu = await App.SignInAsync("qiumeiling");
        var spot = await App.SpotInGridAsync(await App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync()));
        var ids = new List<long>();
        for (var i = 0; i < 16; i++)
        {
            var report = EventsClient.Report(spot, title: $"楼道杂物{i + 1}", description: "已劝说住户清理楼道杂物");
            ids.Add((await (await qiu.PostAsJsonAsync("/api/v1/events/solved-on-spot", report)).ShouldBe<EventDetail>(HttpStatusCode.Created)).Id);
        }

        await MoveAsync(ids[6..11], "檀林社区");
        await MoveAsync(ids[11..], "湘桥社区");
        await App.QueryAsync(async db =>
        {
            await db.EventOutcomes.Where(o => o.EventId == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(o => o.Rating, Satisfaction.Satisfied));
            await db.EventOutcomes.Where(o => o.EventId == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(o => o.Rating, Satisfaction.Unsatisfied));
            await db.EventOutcomes.Where(o => o.EventId == ids[6] || o.EventId == ids[7]).ExecuteUpdateAsync(s => s.SetProperty(o => o.Rating, Satisfaction.Satisfied));
            return await db.EventOutcomes.Where(o => o.EventId == ids[11]).ExecuteUpdateAsync(s => s.SetProperty(o => o.ClosedOnTime, false));
        });
    }

    private async Task MoveAsync(IReadOnlyList<long> ids, string community)
    {
        var unit = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Name == community).Select(u => new { u.Id, u.Path }).SingleAsync());
        await App.QueryAsync(db => db.EventOutcomes.Where(o => ids.Contains(o.EventId))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CommunityId, unit.Id).SetProperty(o => o.GridId, (int?)null).SetProperty(o => o.PlacePath, unit.Path)));
    }
}

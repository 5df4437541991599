using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Residents.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Suggestions;

/// <summary>我有话说: a resident writes to a street, those who look after the street reply once, the resident reads the reply.</summary>
public sealed class SuggestionBoxTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_resident_sends_a_suggestion_and_sees_it_listed_newest_first()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var street = await UnitAsync("蓝田街道");

        var first = await resident.SendAsync(street, "  小区门口路灯坏了好几天  ");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await resident.SendAsync(street, "希望增加垃圾分类宣传");

        Assert.Equal("小区门口路灯坏了好几天", first.Text);
        Assert.Equal("蓝田街道", first.Street);
        var mine = await resident.MineAsync();
        Assert.Equal([second.Id, first.Id], mine.Select(s => s.Id));
        Assert.All(mine, s => Assert.Null(s.Reply));
        Assert.Equal(first.Id, (await (await resident.GetAsync($"/api/v1/resident/suggestions/{first.Id}")).ShouldBe<MySuggestion>(HttpStatusCode.OK)).Id);
    }

    [Fact]
    public async Task The_street_centre_replies_once_and_the_resident_sees_the_reply()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var sent = await resident.SendAsync(await UnitAsync("蓝田街道"), "小区门口路灯坏了好几天");
        var wang = await App.SignInAsync("wangjun");

        var listed = Assert.Single((await wang.DeskAsync()).Items);
        Assert.Equal(sent.Id, listed.Id);
        Assert.Equal("139****5678", listed.ResidentPhone);
        Assert.DoesNotContain(Phone, await (await wang.GetAsync("/api/v1/suggestions")).Content.ReadAsStringAsync());

        await (await wang.TryReplyAsync(sent.Id, "已通知物业，三天内修好")).ShouldBe(HttpStatusCode.NoContent);

        var answered = Assert.Single(await resident.MineAsync());
        Assert.Equal("已通知物业，三天内修好", answered.Reply);
        Assert.Equal("蓝田街道综治中心", answered.RepliedBy);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, answered.RepliedAt);
        var stored = await App.QueryAsync(db => db.Suggestions.SingleAsync());
        Assert.Equal("王军", stored.RepliedByName);

        await (await wang.TryReplyAsync(sent.Id, "再回复一次")).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("已通知物业，三天内修好", (await resident.MineAsync())[0].Reply);
    }

    [Fact]
    public async Task The_district_centre_sees_every_street_and_unanswered_come_first()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var old = await resident.SendAsync(await UnitAsync("蓝田街道"), "第一条");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var chaoyang = await resident.SendAsync(await UnitAsync("朝阳街道"), "第二条");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var newest = await resident.SendAsync(await UnitAsync("蓝田街道"), "第三条");
        await (await (await App.SignInAsync("wangjun")).TryReplyAsync(newest.Id, "收到")).ShouldBe(HttpStatusCode.NoContent);

        var district = await (await App.SignInAsync("zhanghui")).DeskAsync();

        Assert.Equal([chaoyang.Id, old.Id, newest.Id], district.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task A_resident_never_sees_another_residents_suggestion()
    {
        var sent = await (await App.SignInResidentAsync(Phone)).SendAsync(await UnitAsync("蓝田街道"), "小区门口路灯坏了好几天");
        var other = await App.SignInResidentAsync("13800001111");

        await (await other.GetAsync($"/api/v1/resident/suggestions/{sent.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Empty(await other.MineAsync());
        await (await App.CreateClient().GetAsync("/api/v1/resident/suggestions")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_streets_staff_neither_see_nor_reply_and_others_may_not_reply_at_all()
    {
        var sent = await (await App.SignInResidentAsync(Phone)).SendAsync(await UnitAsync("蓝田街道"), "小区门口路灯坏了好几天");
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("chaoyangdispatch", "Dispatcher", await UnitAsync("朝阳街道综治中心"));
        var chaoyang = await App.SignInAsync("chaoyangdispatch", "Start@2026");

        Assert.Empty((await chaoyang.DeskAsync()).Items);
        await (await chaoyang.TryReplyAsync(sent.Id, "不是我们街道的")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await App.SignInAsync("qiumeiling")).GetAsync("/api/v1/suggestions")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.SignInAsync("liuqiang")).TryReplyAsync(sent.Id, "部门回复")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Null(await App.QueryAsync(db => db.Suggestions.Select(s => s.RepliedAt).SingleAsync()));
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    [InlineData("TOO_LONG", "text")]
    [InlineData("NO_STREET", "streetId")]
    [InlineData("UNKNOWN_STREET", "streetId")]
    [InlineData("NOT_A_STREET", "streetId")]
    public async Task Bad_input_is_refused_and_nothing_is_stored(string input, string field)
    {
        var resident = await App.SignInResidentAsync(Phone);
        int? street = input switch
        {
            "NO_STREET" => null,
            "UNKNOWN_STREET" => 999999,
            "NOT_A_STREET" => await UnitAsync("毅阳社区"),
            _ => await UnitAsync("蓝田街道"),
        };
        var text = input switch
        {
            "TOO_LONG" => new string('说', SuggestionConfiguration.TextMaxLength + 1),
            "" or "   " => input,
            _ => "小区门口路灯坏了",
        };

        var problem = await (await resident.TrySendAsync(street, text)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await App.QueryAsync(db => db.Suggestions.CountAsync()));
    }

    [Fact]
    public async Task A_reply_must_say_something_and_fit()
    {
        var sent = await (await App.SignInResidentAsync(Phone)).SendAsync(await UnitAsync("蓝田街道"), "小区门口路灯坏了好几天");
        var wang = await App.SignInAsync("wangjun");

        await (await wang.TryReplyAsync(sent.Id, " ")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await wang.TryReplyAsync(sent.Id, new string('答', SuggestionConfiguration.TextMaxLength + 1))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await wang.TryReplyAsync(987654, "收到")).ShouldBeProblem(HttpStatusCode.NotFound);

        Assert.Null(await App.QueryAsync(db => db.Suggestions.Select(s => s.Reply).SingleAsync()));
    }

    [Fact]
    public async Task A_resident_may_send_a_few_a_day_and_more_the_next_day()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var street = await UnitAsync("蓝田街道");
        for (var i = 0; i < 5; i++)
        {
            await resident.SendAsync(street, $"第{i + 1}条建议");
        }

        var response = await resident.TrySendAsync(street, "第六条建议");
        await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(5, await App.QueryAsync(db => db.Suggestions.CountAsync()));

        App.Clock.Advance(TimeSpan.FromDays(1));
        await resident.SendAsync(street, "第二天的建议");
    }
}

internal static class SuggestionsClient
{
    public static Task<HttpResponseMessage> TrySendAsync(this HttpClient client, int? streetId, string text) =>
        client.PostAsJsonAsync("/api/v1/resident/suggestions", new { streetId, text });

    public static async Task<MySuggestion> SendAsync(this HttpClient client, int streetId, string text) =>
        await (await client.TrySendAsync(streetId, text)).ShouldBe<MySuggestion>(HttpStatusCode.Created);

    public static async Task<List<MySuggestion>> MineAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/resident/suggestions")).ShouldBe<List<MySuggestion>>(HttpStatusCode.OK);

    public static async Task<Page<StaffSuggestion>> DeskAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/suggestions")).ShouldBe<Page<StaffSuggestion>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryReplyAsync(this HttpClient client, long id, string reply) =>
        client.PostAsJsonAsync($"/api/v1/suggestions/{id}/reply", new { reply });
}

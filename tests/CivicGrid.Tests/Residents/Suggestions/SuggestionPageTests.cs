using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Suggestions;

/// <summary>The suggestion box on the phone (/r/suggestions) and on the street's desk (/Residents/Suggestions).</summary>
public sealed class SuggestionPageTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task The_resident_page_offers_the_streets_sends_and_shows_the_reply()
    {
        var phone = await App.SignInResidentToPagesAsync(Phone);
        var street = await UnitAsync("蓝田街道");

        var page = await (await phone.GetAsync("/r/suggestions")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains($"<option value=\"{street}\"", page);
        Assert.Contains("data-testid=\"no-suggestions\"", page);

        var sent = await phone.PostFormAsync("/r/suggestions", "/r/suggestions", new() { ["Input.StreetId"] = $"{street}", ["Input.Text"] = "希望增加垃圾分类宣传" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await App.QueryAsync(db => db.Suggestions.Select(s => s.Id).SingleAsync());
        await (await (await App.SignInAsync("wangjun")).TryReplyAsync(id, "下周在社区开展宣传")).ShouldBe(HttpStatusCode.NoContent);

        page = await (await phone.GetAsync("/r/suggestions")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("希望增加垃圾分类宣传", page);
        Assert.Contains("data-testid=\"suggestion-reply\"", page);
        Assert.Contains("下周在社区开展宣传", page);
    }

    [Fact]
    public async Task The_resident_page_says_what_is_wrong_and_stores_nothing()
    {
        var phone = await App.SignInResidentToPagesAsync(Phone);

        var refused = await phone.PostFormAsync("/r/suggestions", "/r/suggestions", new() { ["Input.StreetId"] = "", ["Input.Text"] = "" });

        var page = await refused.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("data-testid=\"errors\"", page);
        Assert.Equal(0, await App.QueryAsync(db => db.Suggestions.CountAsync()));
    }

    [Fact]
    public async Task Only_a_signed_in_resident_opens_the_resident_page()
    {
        var anyone = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anyone.GetAsync("/r/suggestions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/r/sign-in", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task The_street_centre_reads_and_replies_on_its_page()
    {
        var sent = await (await App.SignInResidentAsync(Phone)).SendAsync(await UnitAsync("蓝田街道"), "小区门口路灯坏了好几天");
        var wang = await App.SignInToPagesAsync("wangjun");

        var page = await (await wang.GetAsync("/Residents/Suggestions")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("小区门口路灯坏了好几天", page);
        Assert.Contains("139****5678", page);
        Assert.DoesNotContain(Phone, page);
        Assert.Contains("data-testid=\"nav-suggestions\"", page);

        var empty = await wang.PostFormAsync("/Residents/Suggestions", $"/Residents/Suggestions?handler=Reply&id={sent.Id}", new() { ["reply"] = "" });
        await empty.ShouldBePage(HttpStatusCode.BadRequest);

        var replied = await wang.PostFormAsync("/Residents/Suggestions", $"/Residents/Suggestions?handler=Reply&id={sent.Id}", new() { ["reply"] = "已通知物业" });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Contains("已通知物业", await (await wang.GetAsync("/Residents/Suggestions")).ShouldBePage(HttpStatusCode.OK));

        var qiu = await App.SignInToPagesAsync("qiumeiling");
        await (await qiu.GetAsync("/Residents/Suggestions")).ShouldBeForbiddenPage();
    }
}

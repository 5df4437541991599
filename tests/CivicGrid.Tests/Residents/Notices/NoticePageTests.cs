using System.Net;
using CivicGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>我的网格 and the notices on the phone (/r/home, /r/notices) and on the staff pages (/Residents/Notices).</summary>
public sealed class NoticePageTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_resident_chooses_street_community_and_grid_on_the_phone()
    {
        var phone = await SignInResidentToPagesAsync(Phone);
        var (street, community, grid) = (await UnitAsync("蓝田街道"), await UnitAsync("毅阳社区"), await GridAsync("毅阳社区", 3));

        var page = await (await phone.GetAsync("/r/home")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"home-none\"", page);
        Assert.Contains($"<option value=\"{street}\"", page);
        page = await (await phone.GetAsync($"/r/home?StreetId={street}&CommunityId={community}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains($"<option value=\"{grid}\"", page);

        var refused = await phone.PostFormAsync("/r/home", "/r/home", new() { ["GridId"] = $"{community}" });
        Assert.Contains("data-testid=\"errors\"", await refused.ShouldBePage(HttpStatusCode.BadRequest));
        Assert.Null(await HomeOfAsync());

        var saved = await phone.PostFormAsync("/r/home", "/r/home", new() { ["GridId"] = $"{grid}" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(grid, await HomeOfAsync());
        Assert.Contains("蓝田街道 · 毅阳社区 · 第3网格", await (await phone.GetAsync("/r/home")).ShouldBePage(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Staff_write_on_their_page_and_the_resident_answers_on_the_phone()
    {
        var phone = await SignInResidentToPagesAsync(Phone);
        await phone.PostFormAsync("/r/home", "/r/home", new() { ["GridId"] = $"{await GridAsync("毅阳社区", 3)}" });
        var chen = await App.SignInToPagesAsync("chenliting");

        var sent = await chen.PostFormAsync("/Residents/Notices", "/Residents/Notices", new()
        {
            ["Input.AudienceId"] = $"{await UnitAsync("毅阳社区")}",
            ["Input.Title"] = "周六上午开居民议事会",
            ["Input.Body"] = "议题：小区停车位划线",
            ["Input.MeetingAt"] = "2026-11-28T09:30",
            ["Input.MeetingPlace"] = "社区党群服务中心二楼",
            ["Input.AsksAttendance"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await App.QueryAsync(db => db.Notices.OfTest().Select(n => n.Id).SingleAsync());
        Assert.Equal(new DateTime(2026, 11, 28, 1, 30, 0), await App.QueryAsync(db => db.Notices.OfTest().Select(n => n.MeetingAt).SingleAsync()));

        var list = await (await phone.GetAsync("/r/notices")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains($"href=\"/r/notices/{id}\"", list);
        Assert.Contains("r-notice unread", list);
        await (await phone.GetAsync($"/r/notices/{id}")).ShouldBePage(HttpStatusCode.OK);
        var answered = await phone.PostFormAsync($"/r/notices/{id}", $"/r/notices/{id}", new() { ["answer"] = "Attend" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);

        var detail = await (await chen.GetAsync($"/Residents/Notices/{id}")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains("data-testid=\"tally-attending\">1<", detail);
        Assert.Contains("139****5678", detail);
        Assert.DoesNotContain(Phone, detail);
        Assert.Contains("data-testid=\"not-found\"", await (await (await App.SignInToPagesAsync("qiumeiling")).GetAsync($"/Residents/Notices/{id}")).ShouldBePage(HttpStatusCode.NotFound));
        var stranger = await SignInResidentToPagesAsync("13800001111");
        Assert.Contains("data-testid=\"not-found\"", await (await stranger.GetAsync($"/r/notices/{id}")).ShouldBePage(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_staff_page_says_what_is_wrong_and_sends_nothing()
    {
        var chen = await App.SignInToPagesAsync("chenliting");

        var refused = await chen.PostFormAsync("/Residents/Notices", "/Residents/Notices", new() { ["Input.AudienceId"] = $"{await UnitAsync("毅阳社区")}", ["Input.Title"] = "" });

        Assert.Contains("data-testid=\"errors\"", await refused.ShouldBePage(HttpStatusCode.BadRequest));
        Assert.Equal(0, await App.QueryAsync(db => db.Notices.OfTest().CountAsync()));
        await (await (await App.SignInToPagesAsync("liuqiang")).GetAsync("/Residents/Notices")).ShouldBeForbiddenPage();
    }

    private Task<int?> HomeOfAsync() => App.QueryAsync(db => db.Residents.Where(r => r.Phone == Phone).Select(r => r.HomeGridId).SingleAsync());

    private async Task<HttpClient> SignInResidentToPagesAsync(string phone)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await client.PostFormAsync("/r/sign-in", "/r/sign-in?handler=Send", new() { ["Phone"] = phone })).ShouldBePage(HttpStatusCode.OK);
        var signedIn = await client.PostFormAsync("/r/sign-in", "/r/sign-in?handler=Verify", new() { ["Phone"] = phone, ["Code"] = App.CodeSentTo(phone) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }
}

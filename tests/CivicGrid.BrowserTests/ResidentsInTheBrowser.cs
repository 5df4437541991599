using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// The resident's whole road on a 360 px phone: scan the grid's QR code, sign in with the code the
/// SMS brings, report with a photo, follow it while staff dispatch and close it, and rate it.
/// </summary>
public sealed partial class ResidentsInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_resident_scans_a_grid_code_reports_with_a_photo_follows_it_to_the_end_and_rates_it()
    {
        var grid = await host.App.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        var code = await (await host.App.SignInAsync("chenliting")).CodeOfAsync(PlaceCodeKind.Grid, grid);
        var phone = await host.AnonymousPhoneAsync();

        // The scan lands on the report form, placed in the grid.
        await phone.GotoAsync($"/q/{code.Token}");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($@"/r/report\?code={code.Token}$"));
        await Assertions.Expect(phone.GetByTestId("code-place")).ToContainTextAsync("毅阳社区 · 第3网格");

        // Signing in to follow the report: the number, then the code from the SMS.
        await phone.GetByTestId("sign-in-link").ClickAsync();
        await phone.GetByTestId("phone").FillAsync(Phone);
        await phone.GetByTestId("send-code").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("code-sent")).ToContainTextAsync("139****5678");
        await phone.GetByTestId("code").FillAsync(host.App.CodeSentTo(Phone));
        await phone.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex($@"/r/report\?code={code.Token}$"));
        await Assertions.Expect(phone.GetByTestId("signed-in-as")).ToContainTextAsync("139****5678");

        // One screen: a photo, a category, a few words.
        var spot = await host.App.SpotInGridAsync(grid);
        await phone.GetByTestId("photos").SetInputFilesAsync(new FilePayload { Name = "shed.jpg", MimeType = "image/jpeg", Buffer = Images.PhotoTakenAt(spot.Latitude, spot.Longitude) });
        await phone.GetByTestId("category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await phone.GetByTestId("description").FillAsync("楼下绿地被人私搭了停车棚");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
        await phone.GetByTestId("submit").ClickAsync();

        await Assertions.Expect(phone).ToHaveURLAsync(new Regex(@"/r/mine/\d{4}-\d+$"));
        var number = await phone.GetByTestId("number").TextContentAsync() ?? "";
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已提交，等待受理");
        await Assertions.Expect(phone.GetByTestId("before-photos").Locator("img")).ToHaveCountAsync(1);
        // The photo arrives as its public copy (made on first request): wait for it to be decoded, not just in the page.
        await phone.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=before-photos] img'); return img && img.complete && img.naturalWidth > 0; }");

        // A neighbour scanning the same code and picking the same kind of problem is offered to follow it.
        var neighbour = await host.AnonymousPhoneAsync();
        await neighbour.GotoAsync($"/q/{code.Token}");
        await neighbour.GetByTestId("category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Assertions.Expect(neighbour.GetByTestId("same-item")).ToContainTextAsync("已提交，等待受理");
        await neighbour.GetByTestId("same-follow").ClickAsync();
        await Assertions.Expect(neighbour).ToHaveURLAsync(new Regex(@"/r/sign-in\?returnUrl="));

        // Staff take it up the loop and send it to 城管办: the resident sees the office, not the people.
        var id = await host.App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());
        await ActAsync("qiumeiling", id, EventAction.Escalate, "劝说无果");
        await ActAsync("chenliting", id, EventAction.Escalate, "请街道协调");
        await ActAsync("wangjun", id, EventAction.Dispatch, "请城管办处理", await host.App.IdOfUnitAsync("蓝田街道城管办"));
        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已派给相关部门");
        await Assertions.Expect(phone.GetByTestId("steps")).ToContainTextAsync("已派给 蓝田街道城管办 处理");
        await Assertions.Expect(phone.GetByTestId("steps")).Not.ToContainTextAsync("劝说无果");

        await ActAsync("liuqiang", id, EventAction.SignFor);
        await ActAsync("liuqiang", id, EventAction.Feedback, "已拆除");
        await ActAsync("wangjun", id, EventAction.Verify);
        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已办结，请您评价");

        // 满意, with a word of thanks.
        await phone.GetByTestId("rate-Satisfied").CheckAsync();
        await phone.GetByTestId("rate-comment").FillAsync("拆得很快，谢谢");
        await phone.GetByTestId("rate-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("status")).ToHaveTextAsync("已办结，已评价");
        await Assertions.Expect(phone.GetByTestId("rating")).ToContainTextAsync("满意");
        Assert.Equal(Satisfaction.Satisfied, await host.App.QueryAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.Satisfaction).SingleAsync()));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    [Fact]
    public async Task Without_a_code_a_resident_pins_the_place_on_a_map_that_loads_only_when_asked_for()
    {
        var phone = await host.AnonymousPhoneAsync();
        await phone.GotoAsync("/r/report");
        Assert.False(await phone.EvaluateAsync<bool>("'L' in window"));

        await phone.GetByTestId("pick-on-map").ClickAsync();
        var map = phone.GetByTestId("resident-map");
        await Assertions.Expect(map.Locator(".leaflet-marker-icon")).ToBeVisibleAsync();
        await map.ClickAsync(new LocatorClickOptions { Position = new Position { X = 100, Y = 60 } });

        await Assertions.Expect(phone.Locator("#Input_Latitude")).ToHaveValueAsync(new Regex(@"^\d+\.\d{6}$"));
        await Assertions.Expect(phone.Locator("#location-status")).Not.ToBeEmptyAsync();
        // Leaflet came by its fingerprinted URL, which the phone keeps for a year.
        var scripts = await phone.EvaluateAsync<string[]>("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
        Assert.Contains(scripts, s => FingerprintedLeaflet().IsMatch(s));
    }

    [GeneratedRegex(@"^/lib/leaflet/leaflet\.[a-z0-9]{10}\.js$")]
    private static partial Regex FingerprintedLeaflet();

    private async Task ActAsync(string userName, long id, EventAction action, string? note = null, int? target = null)
    {
        var staff = await host.App.SignInAsync(userName);
        await staff.ActAsync(await staff.GetEventAsync(id), action, note, target);
    }
}

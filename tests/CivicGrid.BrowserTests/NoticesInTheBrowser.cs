using System.Text.RegularExpressions;
using CivicGrid.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>
/// 通知回执 on two 360 px phones: a resident makes 毅阳社区 第3网格 their home, the grid worker sends
/// a meeting notice there, the resident answers 参加, and the worker's open notice counts it without
/// a reload.
/// </summary>
public sealed class NoticesInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Phone = "13912340001";

    [Fact]
    public async Task A_residents_answer_shows_in_the_senders_open_tally_without_reload()
    {
        var resident = await host.AnonymousPhoneAsync();
        await resident.GotoAsync("/r/home");
        await Assertions.Expect(resident).ToHaveURLAsync(new Regex(@"/r/sign-in\?returnUrl=", RegexOptions.IgnoreCase));
        await resident.GetByTestId("phone").FillAsync(Phone);
        await resident.GetByTestId("send-code").ClickAsync();
        await resident.GetByTestId("code").FillAsync(host.App.CodeSentTo(Phone));
        await resident.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(resident).ToHaveURLAsync(new Regex(@"/r/home$"));

        // Street, community, grid: plain forms, no script needed.
        await resident.GetByTestId("home-street").SelectOptionAsync(new SelectOptionValue { Label = "蓝田街道" });
        await resident.GetByTestId("home-next").ClickAsync();
        await resident.GetByTestId("home-community").SelectOptionAsync(new SelectOptionValue { Label = "毅阳社区" });
        await resident.GetByTestId("home-next").ClickAsync();
        await resident.GetByTestId("home-grid").SelectOptionAsync(new SelectOptionValue { Label = "第3网格" });
        await resident.GetByTestId("home-save").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("home-place")).ToContainTextAsync("毅阳社区 · 第3网格");

        var worker = await host.PhoneOfAsync("qiumeiling");
        await worker.GotoAsync("/Residents/Notices");
        await worker.GetByTestId("notice-audience").SelectOptionAsync(new SelectOptionValue { Label = "毅阳社区 · 第3网格" });
        await worker.GetByTestId("notice-title-input").FillAsync("周四晚议事会：楼道堆物清理");
        await worker.GetByTestId("notice-body-input").FillAsync("请各位邻居周四晚七点半到社区二楼商议楼道堆物清理办法。");
        await worker.GetByTestId("notice-meeting-input").FillAsync("2026-11-26T19:30");
        await worker.GetByTestId("notice-place-input").FillAsync("毅阳社区党群服务中心二楼");
        await worker.GetByTestId("notice-asks").CheckAsync();
        await worker.GetByTestId("notice-send").ClickAsync();
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex(@"/Residents/Notices/\d+$"));
        await Assertions.Expect(worker.GetByTestId("tally-sent")).ToHaveTextAsync("1");
        await Assertions.Expect(worker.GetByTestId("notice-tally")).ToHaveAttributeAsync("data-watching", "true");
        await worker.EvaluateAsync("window.civicgridMarker = 'still here'");

        await resident.GotoAsync("/r/notices");
        await resident.GetByTestId("notice").Filter(new() { HasText = "楼道堆物清理" }).ClickAsync();
        await Assertions.Expect(resident.GetByTestId("notice-meeting")).ToContainTextAsync("19:30");
        await resident.GetByTestId("notice-attend").ClickAsync();
        await Assertions.Expect(resident.GetByTestId("notice-my-answer")).ToHaveTextAsync("您已回复：参加");
        Assert.True(await resident.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));

        await Assertions.Expect(worker.GetByTestId("tally-attending")).ToHaveTextAsync("1");
        await Assertions.Expect(worker.GetByTestId("tally-read")).ToHaveTextAsync("1");
        await Assertions.Expect(worker.GetByTestId("tally-no-answer")).ToHaveTextAsync("0");
        Assert.Equal("still here", await worker.EvaluateAsync<string>("window.civicgridMarker"));
    }
}

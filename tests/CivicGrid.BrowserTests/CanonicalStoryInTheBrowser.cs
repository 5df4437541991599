using CivicGrid.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>PRODUCT.md's story through the pages, on 360 px phones, as the four people in it.</summary>
public sealed class CanonicalStoryInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static FilePayload Photo(string name) => new() { Name = name, MimeType = "image/jpeg", Buffer = Images.Jpeg };

    [Fact]
    public async Task From_the_photo_report_to_the_evaluation()
    {
        var grid3 = await host.App.SpotInGridAsync(await host.App.QueryAsync(db => Task.FromResult(db.OrgUnits.Single(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Id)));

        // 邱美灵 reports the shed with a photo.
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await ReportThroughFormAsync(qiu, "绿地私搭停车棚", "居民反映老陈占用绿地私搭停车棚，<script>alert(1)</script>劝说无果。", grid3, "毅阳社区 12 栋东侧绿地", Photo("shed.jpg"));
        await Assertions.Expect(qiu.GetByTestId("event-status")).ToHaveTextAsync("待受理");
        await Assertions.Expect(qiu.GetByTestId("event-description")).ToContainTextAsync("<script>alert(1)</script>");
        var number = await qiu.GetByTestId("event-number").InnerTextAsync();
        var detailUrl = qiu.Url;

        // 陈立婷 finds it on her to-do list, accepts, then escalates to the street centre.
        var chen = await host.PhoneOfAsync("chenliting");
        await Assertions.Expect(chen.GetByTestId("todo-item").Filter(new() { HasText = number })).ToBeVisibleAsync();
        await chen.GetByTestId("todo-item").Filter(new() { HasText = number }).GetByRole(AriaRole.Link).First.ClickAsync();
        await chen.GetByTestId("action-accept").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("event-status")).ToHaveTextAsync("处置中");
        await chen.GetByTestId("escalate-note").FillAsync("上门劝导无果，请街道协调");
        await chen.GetByTestId("action-escalate").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("event-holder")).ToHaveTextAsync("蓝田街道综治中心");

        // The centre dispatches to 城管办.
        var centre = await host.PhoneOfAsync("wangjun");
        await centre.GotoAsync(detailUrl);
        await centre.GetByTestId("dispatch-target").SelectOptionAsync(new SelectOptionValue { Label = "蓝田街道城管办" });
        await centre.GetByTestId("action-dispatch").ClickAsync();
        await Assertions.Expect(centre.GetByTestId("event-status")).ToHaveTextAsync("待签收");

        // 城管办 signs for it and reports back with evidence.
        var chengguan = await host.PhoneOfAsync("liuqiang");
        await chengguan.GotoAsync(detailUrl);
        await chengguan.GetByTestId("action-sign-for").ClickAsync();
        await chengguan.GetByTestId("feedback-note").FillAsync("当晚上门劝导，当事人同意自行拆除");
        await chengguan.GetByTestId("feedback-evidence").SetInputFilesAsync(Photo("cleared.jpg"));
        await chengguan.GetByTestId("action-feedback").ClickAsync();
        await Assertions.Expect(chengguan.GetByTestId("event-status")).ToHaveTextAsync("待核查");

        // 邱美灵 passes by, photographs the clear green space and closes it.
        await qiu.GotoAsync(detailUrl);
        await qiu.GetByTestId("verify-evidence").SetInputFilesAsync(Photo("green.jpg"));
        await qiu.GetByTestId("action-verify").ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("event-status")).ToHaveTextAsync("已办结");

        // 陈立婷 records the resident's satisfaction.
        await chen.GotoAsync(detailUrl);
        await chen.GetByTestId("satisfaction-Satisfied").CheckAsync();
        await chen.GetByTestId("action-evaluate").ClickAsync();
        await Assertions.Expect(chen.GetByTestId("event-status")).ToHaveTextAsync("已评价");
        await Assertions.Expect(chen.GetByTestId("timeline-entry")).ToHaveCountAsync(8);
        await Assertions.Expect(chen.GetByTestId("photo")).ToHaveCountAsync(3);

        // The page fits a 360 px phone: nothing scrolls sideways.
        Assert.True(await chen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    [Fact]
    public async Task A_community_head_gets_a_not_found_page_for_another_communitys_event()
    {
        var chaoyang = await host.App.QueryAsync(db => Task.FromResult(db.OrgUnits.Single(u => u.Parent!.Name == "朝阳社区" && u.Name == "第1网格").Id));
        var xu = await host.PhoneOfAsync("xujing");
        await ReportThroughFormAsync(xu, "朝阳社区的事件", "只属于朝阳社区", await host.App.SpotInGridAsync(chaoyang), "朝阳社区", photo: null);
        await Assertions.Expect(xu.GetByTestId("event-status")).ToBeVisibleAsync();

        var chen = await host.PhoneOfAsync("chenliting");
        var response = await chen.GotoAsync(xu.Url);

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(chen.GetByTestId("not-found")).ToBeVisibleAsync();
    }

    /// <summary>Fills the one-screen report form as a person would, with the first category.</summary>
    private static async Task ReportThroughFormAsync(IPage page, string title, string description, Spot at, string address, FilePayload? photo)
    {
        await page.GotoAsync("/Events/Report");
        await page.GetByTestId("title").FillAsync(title);
        await page.GetByTestId("description").FillAsync(description);
        await page.GetByTestId("category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByTestId("address").FillAsync(address);
        await page.GetByTestId("latitude").FillAsync(at.Latitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("longitude").FillAsync(at.Longitude.ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        if (photo is not null)
        {
            await page.GetByTestId("photos").SetInputFilesAsync(photo);
        }

        await page.GetByTestId("submit-report").ClickAsync();
    }
}

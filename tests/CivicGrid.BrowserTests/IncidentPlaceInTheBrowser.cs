using CivicGrid.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>The seeds' complaint, fixed: the incident's place decides the community, not the reporter's.</summary>
public sealed class IncidentPlaceInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_grid_worker_of_one_community_reports_in_the_next_and_that_communitys_head_receives_it()
    {
        // 邱美灵 works in 毅阳社区; the blocked fire lane she passes is in 檀林社区.
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync("/Events/Report");
        await Assertions.Expect(qiu.GetByTestId("report-map")).ToBeVisibleAsync();
        await qiu.GetByTestId("title").FillAsync("消防通道被电动车堵住");
        await qiu.GetByTestId("description").FillAsync("檀林社区2栋楼下消防通道停满电动车");
        await qiu.GetByTestId("category").SelectOptionAsync(new SelectOptionValue { Label = "消防通道被堵（消防通道堵塞）" });

        await qiu.GetByTestId("address-search").FillAsync("檀林社区2栋");
        await qiu.GetByTestId("address-results").GetByRole(AriaRole.Button).First.ClickAsync();

        // Before sending, the form says where it goes, and the unit of the building can be picked.
        await Assertions.Expect(qiu.GetByTestId("place-preview")).ToContainTextAsync("檀林社区");
        await Assertions.Expect(qiu.GetByTestId("address")).ToHaveValueAsync("蓝田街道檀林社区2栋");
        await qiu.GetByTestId("building-unit").SelectOptionAsync(new SelectOptionValue { Label = "1单元" });
        await qiu.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(qiu.GetByTestId("event-holder")).ToHaveTextAsync("檀林社区");
        var number = await qiu.GetByTestId("event-number").InnerTextAsync();

        // 黄燕, head of 檀林社区, has it on her to-do list; 陈立婷 of 毅阳社区 does not.
        var huang = await host.PhoneOfAsync("huangyan");
        await Assertions.Expect(huang.GetByTestId("todo-item").Filter(new() { HasText = number })).ToBeVisibleAsync();
        var chen = await host.PhoneOfAsync("chenliting");
        await Assertions.Expect(chen.GetByTestId("todo-item").Filter(new() { HasText = number })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Dragging_the_pin_outside_every_grid_warns_that_the_district_centre_will_decide()
    {
        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync("/Events/Report");
        await qiu.GetByTestId("latitude").FillAsync("24.600000");
        await qiu.GetByTestId("longitude").FillAsync("117.800000");
        await qiu.GetByTestId("longitude").PressAsync("Tab");

        await Assertions.Expect(qiu.GetByTestId("place-preview")).ToContainTextAsync("区综治中心");
        Assert.True(await qiu.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    [Fact]
    public async Task A_second_reporter_is_offered_the_same_problem_nearby_and_joins_it_instead_of_filing_again()
    {
        var building = await host.App.QueryAsync(db => Task.FromResult(db.Buildings.Single(b => b.Address == "蓝田街道檀林社区1栋")));
        var zheng = await host.App.SignInAsync("zhengwei");
        var first = await zheng.ReportAsync(EventsClient.Report(new Spot(building.Latitude, building.Longitude), title: "1栋楼下井盖丢了", categoryId: 6));

        var qiu = await host.PhoneOfAsync("qiumeiling");
        await qiu.GotoAsync("/Events/Report");
        await qiu.GetByTestId("address-search").FillAsync("檀林社区1栋");
        await qiu.GetByTestId("address-results").GetByRole(AriaRole.Button).First.ClickAsync();
        await qiu.GetByTestId("category").SelectOptionAsync(new SelectOptionValue { Label = "井盖坏了或丢了（井盖缺损）" });

        await Assertions.Expect(qiu.GetByTestId("nearby")).ToBeVisibleAsync();
        await qiu.GetByTestId($"join-{first.Number}").ClickAsync();

        await Assertions.Expect(qiu.GetByTestId("event-number")).ToHaveTextAsync(first.Number);
        await Assertions.Expect(qiu.GetByTestId("co-reporters")).ToHaveTextAsync("邱美灵");
    }
}

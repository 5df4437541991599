using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Workflow;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>A supervision order (督办单) from issue to conclusion, and the centre's overdue list, on 360 px phones.</summary>
public sealed class SupervisionInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_leader_issues_an_order_the_department_answers_from_its_todo_and_the_centre_sees_the_overdue_event()
    {
        var grid3 = await host.App.SpotInGridAsync(await host.App.QueryAsync(db => Task.FromResult(db.OrgUnits.Single(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Id)));
        var chen = await host.App.SignInAsync("chenliting");
        var reported = await chen.ReportAsync(EventsClient.Report(grid3, title: "绿地私搭停车棚"));
        await chen.ActAsync(reported, EventAction.Escalate, note: "需要城管");
        var wang = await host.App.SignInAsync("wangjun");
        await wang.ActAsync(await wang.GetEventAsync(reported.Id), EventAction.Dispatch, target: await host.App.IdOfUnitAsync("蓝田街道城管办"));
        var detailUrl = $"/Events/Detail/{reported.Id}";

        // 李明 presses 城管办 for an answer; the deadline field offers a day from now.
        var leader = await host.PhoneOfAsync("liming");
        await leader.GotoAsync(detailUrl);
        await leader.GetByTestId("supervise-note").FillAsync("请明日前反馈处置情况");
        await leader.GetByTestId("action-supervise").ClickAsync();
        await Assertions.Expect(leader.GetByTestId("order")).ToContainTextAsync("请明日前反馈处置情况");
        await Assertions.Expect(leader.GetByTestId("order-state")).ToHaveTextAsync("待回复");

        // 刘强 finds it on top of his to-do list and answers.
        var chengguan = await host.PhoneOfAsync("liuqiang");
        await chengguan.GetByTestId("todo-order").GetByRole(AriaRole.Link).ClickAsync();
        await chengguan.GetByTestId("reply-note").FillAsync("已约谈当事人，明日拆除");
        await chengguan.GetByTestId("action-reply").ClickAsync();
        await Assertions.Expect(chengguan.GetByTestId("order-outcome")).ToHaveTextAsync("按时回复");

        // 李明 concludes it.
        await leader.ReloadAsync();
        await leader.GetByTestId("conclude-assessment").FillAsync("回复及时");
        await leader.GetByTestId("action-conclude").ClickAsync();
        await Assertions.Expect(leader.GetByTestId("order-state")).ToHaveTextAsync("已办结");
        Assert.True(await leader.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));

        // Days later the event is still open: the centre finds it on its overdue list.
        host.App.Clock.Advance(TimeSpan.FromDays(5));
        await host.App.SweepAsync();
        var centre = await host.PhoneOfAsync("wangjun");
        await centre.GetByTestId("nav-supervision").ClickAsync();
        await Assertions.Expect(centre.GetByTestId("overdue-item").Filter(new() { HasText = reported.Number })).ToBeVisibleAsync();
        Assert.True(await centre.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }
}

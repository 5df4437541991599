using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Workflow;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests;

/// <summary>人工分拨: a suggest-only event waits in the centre's queue with its suggestion, and one tap dispatches it.</summary>
public sealed class DispatchQueueInTheBrowser(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_dispatcher_dispatches_a_suggested_event_from_the_queue_with_one_tap()
    {
        // 陈立婷 escalates a green-space report: the 蓝田 rule for 占用绿地 only suggests 城管办.
        var grid3 = await host.App.QueryAsync(db => Task.FromResult(db.OrgUnits.Single(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Id));
        var chen = await host.App.SignInAsync("chenliting");
        var reported = await chen.ReportAsync(EventsClient.Report(await host.App.SpotInGridAsync(grid3), title: "绿地私搭停车棚"));
        await chen.ActAsync(reported, EventAction.Escalate, note: "上门劝导无果，请街道协调");

        var centre = await host.PhoneOfAsync("wangjun");
        await centre.GotoAsync("/Dispatch/Queue");
        var row = centre.GetByTestId("todo-item").Filter(new() { HasText = reported.Number });
        await Assertions.Expect(row.GetByTestId("suggested-lead")).ToHaveTextAsync("蓝田街道城管办");
        await Assertions.Expect(row.GetByTestId("suggested-rule")).ToContainTextAsync("占用绿地 · 蓝田街道");
        Assert.True(await centre.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));

        await row.GetByTestId("dispatch-suggested").ClickAsync();

        await Assertions.Expect(centre.GetByTestId("dispatched")).ToContainTextAsync(reported.Number);
        await Assertions.Expect(centre.GetByTestId("todo-item").Filter(new() { HasText = reported.Number })).ToHaveCountAsync(0);

        // 城管办 finds it on its to-do list, waiting to be signed for.
        var chengguan = await host.PhoneOfAsync("liuqiang");
        var todo = chengguan.GetByTestId("todo-item").Filter(new() { HasText = reported.Number });
        await Assertions.Expect(todo).ToBeVisibleAsync();
        await Assertions.Expect(todo).ToContainTextAsync("待签收");
    }
}

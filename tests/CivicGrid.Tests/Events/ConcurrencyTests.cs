using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events.Workflow;

namespace CivicGrid.Tests.Events;

public sealed class ConcurrencyTests : AppTest
{
    [Fact]
    public async Task A_stale_version_gets_409_and_changes_nothing()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        await chen.ActAsync(e, EventAction.Accept);

        var stale = await chen.TryAsync(e.Id, EventAction.Void, new TransitionRequest(e.Version, "用旧版本作废"));

        await stale.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(2, (await chen.GetEventAsync(e.Id)).Timeline.Count);
    }

    [Fact]
    public async Task Two_people_acting_at_once_one_wins_the_other_gets_409()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var colleague = await App.SignInAsync("chenliting");

        var responses = await Task.WhenAll(
            chen.TryAsync(e.Id, EventAction.Accept, new TransitionRequest(e.Version)),
            colleague.TryAsync(e.Id, EventAction.Escalate, new TransitionRequest(e.Version, "上报街道")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var after = await chen.GetEventAsync(e.Id);
        Assert.Equal(2, after.Timeline.Count);
        Assert.Equal(e.Version + 1, after.Version);
    }

    [Fact]
    public async Task An_illegal_transition_answers_409_with_a_clear_message()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));

        var problem = await (await chen.TryAsync(e.Id, EventAction.Verify, new TransitionRequest(e.Version))).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal("事件当前为“待受理”，不能“核查通过”", problem.GetProperty("detail").GetString());
        Assert.Single((await chen.GetEventAsync(e.Id)).Timeline);
    }

    [Fact]
    public async Task An_action_for_someone_else_answers_403()
    {
        var chen = await App.SignInAsync("chenliting");
        var e = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3)));
        var leader = await App.SignInAsync("liming");

        await (await leader.TryAsync(e.Id, EventAction.Accept, new TransitionRequest(e.Version))).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

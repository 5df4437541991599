using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Transparency;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>What a reporter says on a callback is kept as an evaluation; it rates the round only when nobody rated it before.</summary>
public sealed class CallbackEvaluationTests : CallbackTest
{
    [Fact]
    public async Task A_callback_answer_is_the_rounds_rating_when_nobody_rated_it()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var wang = await App.SignInAsync("wangjun");

        await wang.RecordAsync(Assert.Single(await wang.DueCallbacksAsync()).Id, "Reached", "Unsatisfied", "停车棚还在");

        var kept = Assert.Single(await EvaluationsOfAsync(closed.Id));
        Assert.Equal((1, Satisfaction.Unsatisfied, "停车棚还在", EvaluationSource.Callback, true), (kept.Round, kept.Satisfaction, kept.Comment, kept.Source, kept.IsRoundRating));
        Assert.Equal("王军", kept.ByName);
        Assert.Equal(Satisfaction.Unsatisfied, (await wang.GetEventAsync(closed.Id)).Satisfaction);
        Assert.Equal((1, 1), ((await FiguresAsync()).Ratings, (await FiguresAsync()).Unsatisfied));
    }

    [Fact]
    public async Task A_callback_after_the_round_was_rated_is_kept_but_not_counted_twice()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var chen = await App.SignInAsync("chenliting");
        await chen.ActAsync(closed, EventAction.Evaluate, satisfaction: Satisfaction.Satisfied);
        var wang = await App.SignInAsync("wangjun");

        await wang.RecordAsync(Assert.Single(await wang.DueCallbacksAsync()).Id, "Reached", "BasicallySatisfied");

        Assert.Equal(
            [(EvaluationSource.Staff, Satisfaction.Satisfied, true), (EvaluationSource.Callback, Satisfaction.BasicallySatisfied, false)],
            (await EvaluationsOfAsync(closed.Id)).Select(v => (v.Source, v.Satisfaction, v.IsRoundRating)));
        Assert.Equal(Satisfaction.Satisfied, (await wang.GetEventAsync(closed.Id)).Satisfaction);
        var figures = await FiguresAsync();
        Assert.Equal((1, 1, 0), (figures.Ratings, figures.Satisfied, figures.BasicallySatisfied));
    }

    [Fact]
    public async Task A_refused_or_unanswered_callback_keeps_no_evaluation()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var wang = await App.SignInAsync("wangjun");
        var id = Assert.Single(await wang.DueCallbacksAsync()).Id;

        await (await wang.TryRecordAsync(id, new { outcome = "Reached" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await wang.TryRecordAsync(id, new { outcome = "NotReached", satisfaction = "Satisfied" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await (await ChaoyangDispatcherAsync()).TryRecordAsync(id, new { outcome = "Reached", satisfaction = "Satisfied" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await wang.RecordAsync(id, "NotReached");
        await wang.RecordAsync(id, "Declined");

        Assert.Empty(await EvaluationsOfAsync(closed.Id));
        Assert.Null((await wang.GetEventAsync(closed.Id)).Satisfaction);
    }

    private Task<List<Evaluation>> EvaluationsOfAsync(long eventId) =>
        App.QueryAsync(db => db.Evaluations.Where(v => v.EventId == eventId).OrderBy(v => v.Id).ToListAsync());

    private async Task<StreetFigures> FiguresAsync() =>
        await (await App.CreateClient().GetAsync($"/api/v1/public/streets/{await App.IdOfUnitAsync("蓝田街道")}/transparency")).ShouldBe<StreetFigures>(HttpStatusCode.OK);
}

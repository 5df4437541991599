using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Transparency;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Evaluations;

/// <summary>Every evaluation of an event is kept, round by round, and the public figures count them.</summary>
public sealed class EvaluationHistoryTests : AppTest
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task An_unsatisfied_rating_that_led_to_a_reopen_is_kept_beside_the_rating_after_closing_again()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var number = (await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)))).Number;
        var id = await IdOfAsync(number);
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ActAsync(await qiu.ActAsync(await qiu.GetEventAsync(id), EventAction.Accept), EventAction.Close, "已劝说拆除");
        await (await resident.TryRateAsync(number, "Unsatisfied", "棚子只拆了一半")).ShouldBe(HttpStatusCode.NoContent);

        var chen = await App.SignInAsync("chenliting");
        var reopened = await chen.ActAsync(await chen.GetEventAsync(id), EventAction.Reopen, "居民不满意，重新处理");
        Assert.Null(reopened.Satisfaction);
        var handling = await chen.ActAsync(reopened, EventAction.Accept);
        await chen.ActAsync(handling, EventAction.Close, "剩余部分已拆除");
        await (await resident.TryRateAsync(number, "Satisfied", "这次彻底拆了")).ShouldBe(HttpStatusCode.NoContent);

        var kept = await EvaluationsOfAsync(id);
        Assert.Equal(
            [(1, Satisfaction.Unsatisfied, "棚子只拆了一半", EvaluationSource.Reporter, true), (2, Satisfaction.Satisfied, "这次彻底拆了", EvaluationSource.Reporter, true)],
            kept.Select(v => (v.Round, v.Satisfaction, v.Comment, v.Source, v.IsRoundRating)));
        Assert.All(kept, v => Assert.Equal("群众 139****5678", v.ByName));
        Assert.Equal(Satisfaction.Satisfied, (await chen.GetEventAsync(id)).Satisfaction);

        // Both ratings were given in the window: one 满意 of two.
        var figures = await FiguresAsync();
        Assert.Equal((2, 1, 0, 1, 0.5), (figures.Ratings, figures.Satisfied, figures.BasicallySatisfied, figures.Unsatisfied, figures.SatisfiedShare));
    }

    [Fact]
    public async Task Staff_evaluating_in_the_workflow_is_kept_as_staffs_evaluation()
    {
        var chen = await App.SignInAsync("chenliting");
        var reported = await chen.ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 1)));
        var closed = await chen.ActAsync(await chen.ActAsync(reported, EventAction.Accept), EventAction.Close, note: "已调解");
        await chen.ActAsync(closed, EventAction.Evaluate, note: "电话询问居民", satisfaction: Satisfaction.BasicallySatisfied);

        var kept = Assert.Single(await EvaluationsOfAsync(reported.Id));
        Assert.Equal((1, Satisfaction.BasicallySatisfied, "电话询问居民", EvaluationSource.Staff, true), (kept.Round, kept.Satisfaction, kept.Comment, kept.Source, kept.IsRoundRating));
        Assert.Equal((1, 1), ((await FiguresAsync()).Ratings, (await FiguresAsync()).BasicallySatisfied));
    }

    [Fact]
    public async Task A_refused_rating_keeps_no_evaluation()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var number = (await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)))).Number;
        var id = await IdOfAsync(number);

        await (await resident.TryRateAsync(number, "Satisfied")).ShouldBeProblem(HttpStatusCode.Conflict);
        var qiu = await App.SignInAsync("qiumeiling");
        await qiu.ActAsync(await qiu.ActAsync(await qiu.GetEventAsync(id), EventAction.Accept), EventAction.Close, "已劝说拆除");
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.TryRateAsync(number, "Great")).StatusCode);
        await (await resident.TryRateAsync(number, "Satisfied", new string('长', 1001))).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Empty(await EvaluationsOfAsync(id));

        await (await resident.TryRateAsync(number, "Satisfied")).ShouldBe(HttpStatusCode.NoContent);
        await (await resident.TryRateAsync(number, "Unsatisfied")).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(Satisfaction.Satisfied, Assert.Single(await EvaluationsOfAsync(id)).Satisfaction);
    }

    private Task<long> IdOfAsync(string number) => App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

    private Task<List<Evaluation>> EvaluationsOfAsync(long eventId) =>
        App.QueryAsync(db => db.Evaluations.Where(v => v.EventId == eventId).OrderBy(v => v.Round).ThenBy(v => v.Id).ToListAsync());

    private async Task<StreetFigures> FiguresAsync() =>
        await (await App.CreateClient().GetAsync($"/api/v1/public/streets/{await UnitAsync("蓝田街道")}/transparency")).ShouldBe<StreetFigures>(HttpStatusCode.OK);
}

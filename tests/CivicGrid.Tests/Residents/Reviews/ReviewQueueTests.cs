using System.Net;
using System.Net.Http.Json;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Reviews;

/// <summary>不满意复核: an unsatisfied resident puts the event before the centre, which reopens it or stands by it with a reason.</summary>
public sealed class ReviewQueueTests : AppTest
{
    [Fact]
    public async Task An_unsatisfied_rating_waits_for_the_street_centre_not_for_departments_or_grid_workers()
    {
        var number = await UnsatisfiedAsync();

        var reviews = await (await (await App.SignInAsync("wangjun")).GetAsync("/api/v1/reviews")).ShouldBe<List<ReviewItem>>(HttpStatusCode.OK);
        var item = Assert.Single(reviews);
        Assert.Equal(number, item.Number);
        Assert.Equal("棚子只拆了一半", item.Comment);

        var elsewhere = await App.SignInAsync("yangfan"); // a department of 朝阳街道
        await (await elsewhere.GetAsync("/api/v1/reviews")).ShouldBe(HttpStatusCode.Forbidden);
        await (await (await App.SignInAsync("qiumeiling")).GetAsync("/api/v1/reviews")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reopening_the_event_answers_the_review()
    {
        var number = await UnsatisfiedAsync();
        var wang = await App.SignInAsync("wangjun");
        var id = await IdOfAsync(number);

        var reopened = await wang.ActAsync(await wang.GetEventAsync(id), EventAction.Reopen, "居民不满意，重新处理");

        Assert.Equal(EventStatus.Reported, reopened.Status);
        Assert.Empty(await (await wang.GetAsync("/api/v1/reviews")).ShouldBe<List<ReviewItem>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Standing_by_the_result_needs_a_reason_which_stays_in_the_timeline()
    {
        var number = await UnsatisfiedAsync();
        var wang = await App.SignInAsync("wangjun");
        var id = await IdOfAsync(number);

        await (await wang.PostAsJsonAsync($"/api/v1/reviews/{id}/confirm", new { note = "" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(await App.QueryAsync(db => db.Events.Where(e => e.Id == id).Select(e => e.ReviewRequestedAt).SingleAsync()));

        await (await wang.PostAsJsonAsync($"/api/v1/reviews/{id}/confirm", new { note = "现场核实已拆除，剩余部分属合法车棚" })).ShouldBe(HttpStatusCode.NoContent);

        var e = await wang.GetEventAsync(id);
        Assert.Equal(EventStatus.Evaluated, e.Status);
        Assert.Contains(e.Timeline, t => t.Action == EventAction.ReviewConfirmed && t.Note == "现场核实已拆除，剩余部分属合法车棚");
        await (await wang.PostAsJsonAsync($"/api/v1/reviews/{id}/confirm", new { note = "再次" })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_review_page_lists_the_event_and_confirms_it()
    {
        var number = await UnsatisfiedAsync();
        var wang = await App.SignInToPagesAsync("wangjun");

        var page = await (await wang.GetAsync("/Residents/Reviews")).ShouldBePage(HttpStatusCode.OK);
        Assert.Contains(number, page);

        var id = await IdOfAsync(number);
        var response = await wang.PostFormAsync("/Residents/Reviews", $"/Residents/Reviews?handler=Confirm&id={id}", new() { ["note"] = "已核实" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(number, await (await wang.GetAsync("/Residents/Reviews")).ShouldBePage(HttpStatusCode.OK));
        await (await (await App.SignInToPagesAsync("qiumeiling")).GetAsync("/Residents/Reviews")).ShouldBeForbiddenPage();
    }

    private async Task<string> UnsatisfiedAsync()
    {
        var resident = await App.SignInResidentAsync("13912345678");
        var receipt = await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)));
        var qiu = await App.SignInAsync("qiumeiling");
        var e = await qiu.ActAsync(await qiu.GetEventAsync(await IdOfAsync(receipt.Number)), EventAction.Accept);
        await qiu.ActAsync(e, EventAction.Close, "已劝说拆除");
        await (await resident.TryRateAsync(receipt.Number, "Unsatisfied", "棚子只拆了一半")).ShouldBe(HttpStatusCode.NoContent);
        return receipt.Number;
    }

    private Task<long> IdOfAsync(string number) => App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());
}

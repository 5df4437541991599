using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Residents.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Callbacks;

/// <summary>Callbacks (回访) through the API: which events are called back, by whom, and what the outcome does to the event.</summary>
public sealed class CallbackTests : CallbackTest
{
    [Fact]
    public async Task A_closed_event_with_a_reporter_number_is_due_at_the_street_and_district_centres()
    {
        var closed = await ClosedWithReporterPhoneAsync();

        var due = Assert.Single(await (await App.SignInAsync("wangjun")).DueCallbacksAsync());
        Assert.Equal(closed.Number, due.EventNumber);
        Assert.Equal(Phone, due.ReporterPhone);
        Assert.Equal("已劝说拆除停车棚，绿地恢复原状", due.ClosingNote);
        Assert.Equal(CallbackStatus.Due, due.Status);
        Assert.Equal(EventStatus.Closed, due.EventStatus);

        Assert.Single(await (await App.SignInAsync("zhanghui")).DueCallbacksAsync());
    }

    [Fact]
    public async Task An_event_closed_by_verifying_a_departments_work_is_sampled_too()
    {
        var reported = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInYiyangAsync()));
        await App.QueryAsync(db => db.Events.Where(e => e.Id == reported.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReporterPhone, Phone)));
        var head = await App.SignInAsync("chenliting");
        var escalated = await head.ActAsync(await head.GetEventAsync(reported.Id), EventAction.Escalate, note: "需要城管");
        var centre = await App.SignInAsync("wangjun");
        var dispatched = await centre.ActAsync(await centre.GetEventAsync(escalated.Id), EventAction.Dispatch, target: await App.IdOfUnitAsync("蓝田街道城管办"));
        var department = await App.SignInAsync("liuqiang");
        var signed = await department.ActAsync(dispatched, EventAction.SignFor);
        await department.ActAsync(signed, EventAction.Feedback, note: "城管办已督促拆除");
        Assert.Empty(await centre.DueCallbacksAsync());

        var worker = await App.SignInAsync("qiumeiling");
        await worker.ActAsync(await worker.GetEventAsync(reported.Id), EventAction.Verify);

        Assert.Equal("城管办已督促拆除", Assert.Single(await centre.DueCallbacksAsync()).ClosingNote);
    }

    [Fact]
    public async Task A_share_of_zero_calls_nobody_back()
    {
        await using var none = new CivicGridFactory { Settings = { ["Residents:Callback:SampleShare"] = "0" } };
        var grid = await none.QueryAsync(db => db.OrgUnits.Where(u => u.Parent!.Name == "毅阳社区" && u.Name == "第3网格").Select(u => u.Id).SingleAsync());
        var reported = await (await none.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await none.SpotInGridAsync(grid)));
        await none.QueryAsync(db => db.Events.Where(e => e.Id == reported.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReporterPhone, Phone)));
        var head = await none.SignInAsync("chenliting");
        await head.ActAsync(await head.ActAsync(reported, EventAction.Accept), EventAction.Close, note: "已处理");

        Assert.Empty(await (await none.SignInAsync("wangjun")).DueCallbacksAsync());
        Assert.Equal(0, await none.QueryAsync(db => db.Callbacks.CountAsync()));
    }

    [Fact]
    public async Task Only_closed_events_whose_reporter_can_be_reached_are_called_back()
    {
        await ClosedWithReporterPhoneAsync("没有留电话的事件", phone: null);
        var open = await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInYiyangAsync(), title: "仍在处置的事件"));
        await App.QueryAsync(db => db.Events.Where(e => e.Id == open.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReporterPhone, Phone)));

        Assert.Empty(await (await App.SignInAsync("wangjun")).DueCallbacksAsync());
        Assert.Equal(0, await App.QueryAsync(db => db.Callbacks.CountAsync()));
    }

    [Fact]
    public async Task A_reopened_event_leaves_the_list_and_closed_again_keeps_its_one_callback()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var head = await App.SignInAsync("chenliting");
        var reopened = await head.ActAsync(closed, EventAction.Reopen, note: "群众反映停车棚又搭起来了");

        Assert.Empty(await centre.DueCallbacksAsync());

        var handling = await head.ActAsync(await head.GetEventAsync(reopened.Id), EventAction.Accept);
        await head.ActAsync(handling, EventAction.Close, note: "再次拆除");

        Assert.Equal("再次拆除", Assert.Single(await centre.DueCallbacksAsync()).ClosingNote);
        Assert.Equal(1, await App.QueryAsync(db => db.Callbacks.CountAsync()));
    }

    [Fact]
    public async Task Another_streets_centre_sees_none_and_cannot_record_and_a_grid_worker_is_refused()
    {
        await ClosedWithReporterPhoneAsync();
        var id = await App.QueryAsync(db => db.Callbacks.Select(c => c.Id).SingleAsync());

        var chaoyang = await ChaoyangDispatcherAsync();
        Assert.Empty(await chaoyang.DueCallbacksAsync());
        await (await chaoyang.TryRecordAsync(id, new { outcome = "Declined" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await chaoyang.PostAsync($"/api/v1/callbacks/{id}/rating-sms", null)).ShouldBeProblem(HttpStatusCode.NotFound);

        var worker = await App.SignInAsync("qiumeiling");
        await (await worker.GetAsync("/api/v1/callbacks")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await worker.TryRecordAsync(id, new { outcome = "Declined" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await (await App.SignInAsync("liuqiang")).GetAsync("/api/v1/callbacks")).ShouldBeProblem(HttpStatusCode.Forbidden);

        Assert.Equal(CallbackStatus.Due, await App.QueryAsync(db => db.Callbacks.Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_reached_callback_evaluates_the_event_the_reporter_did_not_rate()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var due = Assert.Single(await centre.DueCallbacksAsync());

        var recorded = await centre.RecordAsync(due.Id, "Reached", "BasicallySatisfied", "居民说停车棚已拆，希望补种草皮");

        Assert.Equal(CallbackStatus.Reached, recorded.Status);
        Assert.Equal(Satisfaction.BasicallySatisfied, recorded.Satisfaction);
        Assert.Equal("王军", recorded.ByName);
        var e = await App.QueryAsync(db => db.Events.Include(x => x.Timeline).SingleAsync(x => x.Id == closed.Id));
        Assert.Equal(EventStatus.Evaluated, e.Status);
        Assert.Equal(Satisfaction.BasicallySatisfied, e.Satisfaction);
        Assert.Equal("居民说停车棚已拆，希望补种草皮", e.EvaluationComment);
        Assert.Null(e.ReviewRequestedAt);
        var entry = Assert.Single(e.Timeline, t => t.Action == EventAction.Callback);
        Assert.Equal(EventStatus.Closed, entry.FromStatus);
        Assert.Equal(EventStatus.Evaluated, entry.ToStatus);
        Assert.Contains("基本满意", entry.Note);
        Assert.Empty(await centre.DueCallbacksAsync());
    }

    [Fact]
    public async Task Unsatisfied_callback_asks_the_centre_to_review_and_keeps_the_reporters_own_rating()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        await (await App.SignInAsync("qiumeiling")).ActAsync(closed, EventAction.Evaluate, satisfaction: Satisfaction.Satisfied);
        var centre = await App.SignInAsync("wangjun");
        var due = Assert.Single(await centre.DueCallbacksAsync());
        Assert.Equal(Satisfaction.Satisfied, due.EventSatisfaction);

        App.Clock.Advance(TimeSpan.FromHours(2));
        await centre.RecordAsync(due.Id, "Reached", "Unsatisfied", "停车棚只拆了一半");

        var e = await App.QueryAsync(db => db.Events.SingleAsync(x => x.Id == closed.Id));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, e.ReviewRequestedAt);
        Assert.Equal(Satisfaction.Satisfied, e.Satisfaction);
        Assert.Equal(EventStatus.Evaluated, e.Status);
        Assert.Equal(Satisfaction.Unsatisfied, await App.QueryAsync(db => db.Callbacks.Select(c => c.Satisfaction).SingleAsync()));
    }

    [Fact]
    public async Task An_unsatisfied_callback_does_not_move_a_review_already_requested()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var asked = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await App.QueryAsync(db => db.Events.Where(e => e.Id == closed.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ReviewRequestedAt, asked)));
        var centre = await App.SignInAsync("wangjun");

        await centre.RecordAsync(Assert.Single(await centre.DueCallbacksAsync()).Id, "Reached", "Unsatisfied");

        Assert.Equal(asked, await App.QueryAsync(db => db.Events.Where(e => e.Id == closed.Id).Select(e => e.ReviewRequestedAt).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_answering_leaves_it_due_until_the_last_attempt_then_it_ends_as_not_reached()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var id = Assert.Single(await centre.DueCallbacksAsync()).Id;

        var first = await centre.RecordAsync(id, "NotReached");
        Assert.Equal((CallbackStatus.Due, 1, 3), (first.Status, first.Attempts, first.MaxAttempts));
        Assert.Equal(1, Assert.Single(await centre.DueCallbacksAsync()).Attempts);

        await centre.RecordAsync(id, "NotReached");
        var last = await centre.RecordAsync(id, "NotReached", comment: "三次无人接听");

        Assert.Equal((CallbackStatus.NotReached, 3), (last.Status, last.Attempts));
        Assert.Empty(await centre.DueCallbacksAsync());
        var e = await App.QueryAsync(db => db.Events.Include(x => x.Timeline).SingleAsync(x => x.Id == closed.Id));
        Assert.Equal(EventStatus.Closed, e.Status);
        Assert.Null(e.Satisfaction);
        Assert.Equal(3, e.Timeline.Count(t => t.Action == EventAction.Callback));
    }

    [Fact]
    public async Task A_declined_callback_is_closed_without_a_satisfaction()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");

        var declined = await centre.RecordAsync(Assert.Single(await centre.DueCallbacksAsync()).Id, "Declined", comment: "居民表示不愿再被打扰");

        Assert.Equal(CallbackStatus.Declined, declined.Status);
        Assert.Null(declined.Satisfaction);
        Assert.Equal(EventStatus.Closed, (await centre.GetEventAsync(closed.Id)).Status);
    }

    [Fact]
    public async Task Recording_twice_is_a_conflict()
    {
        await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var id = Assert.Single(await centre.DueCallbacksAsync()).Id;
        await centre.RecordAsync(id, "Reached", "Satisfied");

        await (await centre.TryRecordAsync(id, new { outcome = "Reached", satisfaction = "Unsatisfied" })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await (await App.SignInAsync("zhanghui")).TryRecordAsync(id, new { outcome = "Declined" })).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(Satisfaction.Satisfied, await App.QueryAsync(db => db.Callbacks.Select(c => c.Satisfaction).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_is_refused_and_changes_nothing()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var id = Assert.Single(await centre.DueCallbacksAsync()).Id;

        await (await centre.TryRecordAsync(id, new { outcome = "Reached", satisfaction = "Delighted" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await centre.TryRecordAsync(id, new { outcome = "Reached", satisfaction = 9 })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await centre.TryRecordAsync(id, new { outcome = "Reached" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await centre.TryRecordAsync(id, new { outcome = "Phoned" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await centre.TryRecordAsync(id, new { satisfaction = "Satisfied" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        var problem = await (await centre.TryRecordAsync(id, new { outcome = "Declined", satisfaction = "Satisfied" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("satisfaction", out _));
        await (await centre.TryRecordAsync(id, new { outcome = "Declined", comment = new string('长', 501) })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await centre.TryRecordAsync(id + 1000, new { outcome = "Declined" })).ShouldBeProblem(HttpStatusCode.NotFound);

        var callback = await App.QueryAsync(db => db.Callbacks.SingleAsync());
        Assert.Equal((CallbackStatus.Due, 0, 0), (callback.Status, callback.Attempts, callback.Version));
        Assert.Equal(EventStatus.Closed, (await centre.GetEventAsync(closed.Id)).Status);
    }

    [Fact]
    public async Task The_rating_sms_goes_through_the_platforms_gateway_to_the_reporter()
    {
        var closed = await ClosedWithReporterPhoneAsync();
        var centre = await App.SignInAsync("wangjun");
        var id = Assert.Single(await centre.DueCallbacksAsync()).Id;

        var response = await centre.PostAsync($"/api/v1/callbacks/{id}/rating-sms", null);

        var texted = await response.ShouldBe<CallbackView>(HttpStatusCode.OK);
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime, texted.RatingSmsAt);
        Assert.Equal(CallbackStatus.Due, texted.Status);
        var sms = Assert.Single(App.Sink().Messages, m => m.Phone == Phone);
        Assert.Contains(closed.Number, sms.Text);
        Assert.Contains("/r/mine", sms.Text);
        Assert.StartsWith("【网格治理】", sms.Text);
    }

    [Fact]
    public async Task The_reporters_number_is_not_in_the_event_as_staff_see_it()
    {
        var closed = await ClosedWithReporterPhoneAsync();

        var body = await (await (await App.SignInAsync("wangjun")).GetAsync($"/api/v1/events/{closed.Id}")).Content.ReadAsStringAsync();

        Assert.Contains(closed.Number, body);
        Assert.DoesNotContain(Phone, body);
    }
}

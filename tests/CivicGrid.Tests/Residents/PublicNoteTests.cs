using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents;

/// <summary>Staff may mark a note public (向群众公开): the reporting resident reads it, never who wrote it; other notes stay inside.</summary>
public sealed class PublicNoteTests : AppTest
{
    private const string Phone = "13912345678";
    private const string PublicNote = "已联系物业，本周内拆除停车棚";
    private const string InternalNote = "内部：物业经理态度差，注意沟通";

    [Fact]
    public async Task A_public_note_reaches_the_resident_on_the_page_and_in_the_api_and_an_internal_one_never_does()
    {
        var (resident, number, id) = await ReportAsync();
        await ActAsync("qiumeiling", id, EventAction.Escalate, PublicNote, publicNote: true);
        await ActAsync("chenliting", id, EventAction.Escalate, InternalNote);

        var report = await resident.MyReportAsync(number);
        var json = await (await resident.GetAsync($"/api/v1/resident/reports/mine/{number}")).Content.ReadAsStringAsync();
        var page = await ResidentPageAsync(number);

        Assert.Equal([EventAction.Report, EventAction.Escalate, EventAction.Escalate], report.Steps.Select(s => s.Action));
        Assert.Equal([null, PublicNote, null], report.Steps.Select(s => s.Note));
        Assert.Contains(PublicNote, page);
        Assert.Contains("data-testid=\"step-note\"", page);
        foreach (var secret in new[] { InternalNote, "邱美灵", "陈立婷" })
        {
            Assert.DoesNotContain(secret, json);
            Assert.DoesNotContain(secret, page);
        }
    }

    [Fact]
    public async Task A_public_note_on_an_internal_step_reaches_the_resident_as_the_office_explaining_not_the_person()
    {
        var (resident, number, id) = await ReportAsync();
        await ActAsync("qiumeiling", id, EventAction.Escalate, "劝说无果");
        await ActAsync("chenliting", id, EventAction.Escalate, "请街道协调");
        await ActAsync("wangjun", id, EventAction.Dispatch, target: await UnitAsync("蓝田街道城管办"));
        await ActAsync("liuqiang", id, EventAction.Return, "绿地属园林部门管理，已退回综治中心改派", publicNote: true);

        var report = await resident.MyReportAsync(number);
        var json = await (await resident.GetAsync($"/api/v1/resident/reports/mine/{number}")).Content.ReadAsStringAsync();
        var page = await ResidentPageAsync(number);

        var explanation = report.Steps[^1];
        Assert.Null(explanation.Action);
        Assert.Equal("蓝田街道城管办", explanation.UnitName);
        Assert.Equal("绿地属园林部门管理，已退回综治中心改派", explanation.Note);
        Assert.Contains("蓝田街道城管办 的说明", page);
        Assert.DoesNotContain("Return", json);
        foreach (var person in new[] { "刘强", "王军", "邱美灵", "陈立婷" })
        {
            Assert.DoesNotContain(person, json);
            Assert.DoesNotContain(person, page);
        }
    }

    [Fact]
    public async Task Public_without_a_note_is_refused_by_the_api_and_nothing_is_written()
    {
        var (_, _, id) = await ReportAsync();
        var qiu = await App.SignInAsync("qiumeiling");
        var seen = await qiu.GetEventAsync(id);

        foreach (var (action, note) in new[] { (EventAction.Accept, (string?)null), (EventAction.Escalate, "  ") })
        {
            var problem = await (await qiu.TryAsync(id, action, new TransitionRequest(seen.Version, note, PublicNote: true))).ShouldBeProblem(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _), problem.ToString());
        }

        var after = await qiu.GetEventAsync(id);
        Assert.Equal(seen.Version, after.Version);
        Assert.Equal(EventStatus.Reported, after.Status);
        Assert.Single(after.Timeline);
    }

    [Fact]
    public async Task Public_without_a_note_is_refused_on_the_staff_page_with_a_readable_message_and_nothing_is_written()
    {
        var (_, _, id) = await ReportAsync();
        var qiu = await App.SignInToPagesAsync("qiumeiling");
        Assert.Contains("data-testid=\"escalate-public-note\"", await qiu.GetStringAsync($"/Events/Detail/{id}"));

        var refused = await qiu.PostFormAsync($"/Events/Detail/{id}", $"/Events/Detail/{id}", new()
        {
            ["Input.Action"] = nameof(EventAction.Escalate),
            ["Input.Version"] = "1",
            ["Input.Note"] = "",
            ["Input.PublicNote"] = "true",
        });

        var page = await refused.ShouldBePage(HttpStatusCode.BadRequest);
        Assert.Contains("要向群众公开，请先写下说明", page);
        Assert.Equal(1, await App.QueryAsync(db => db.TimelineEntries.CountAsync(t => t.EventId == id)));
    }

    [Fact]
    public async Task Staff_mark_a_note_public_on_the_page_and_see_which_notes_residents_read()
    {
        var (resident, number, id) = await ReportAsync();
        var qiu = await App.SignInToPagesAsync("qiumeiling");

        var posted = await qiu.PostFormAsync($"/Events/Detail/{id}", $"/Events/Detail/{id}", new()
        {
            ["Input.Action"] = nameof(EventAction.Escalate),
            ["Input.Version"] = "1",
            ["Input.Note"] = PublicNote,
            ["Input.PublicNote"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await ActAsync("chenliting", id, EventAction.Escalate, InternalNote);

        var chen = await App.SignInToPagesAsync("chenliting");
        var staffPage = await chen.GetStringAsync($"/Events/Detail/{id}");
        Assert.Equal(2, staffPage.Split("data-testid=\"timeline-public\"").Length);
        Assert.True(staffPage.IndexOf(PublicNote, StringComparison.Ordinal) < staffPage.IndexOf("data-testid=\"timeline-public\"", StringComparison.Ordinal));
        Assert.True(staffPage.IndexOf("data-testid=\"timeline-public\"", StringComparison.Ordinal) < staffPage.IndexOf(InternalNote, StringComparison.Ordinal));
        Assert.Equal(PublicNote, Assert.Single((await resident.MyReportAsync(number)).Steps, s => s.Note is not null).Note);
    }

    private async Task<(HttpClient Resident, string Number, long Id)> ReportAsync()
    {
        var resident = await App.SignInResidentAsync(Phone);
        var number = (await resident.ResidentReportAsync(ResidentsClient.ResidentReport(await SpotInGridAsync("毅阳社区", 3)))).Number;
        return (resident, number, await App.QueryAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync()));
    }

    /// <summary>The same resident on the phone's pages: a second code, once the first one's wait has passed.</summary>
    private async Task<string> ResidentPageAsync(string number)
    {
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var phone = await App.SignInResidentToPagesAsync(Phone);
        return await (await phone.GetAsync($"/r/mine/{number}")).ShouldBePage(HttpStatusCode.OK);
    }
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Residents.Notices;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>通知回执: a notice reaches the residents whose home is in the grid or community; staff count who read it and who comes.</summary>
public sealed class NoticeTallyTests : AppTest
{
    private static readonly string[] Phones = ["13900000001", "13900000002", "13900000003", "13900000004"];

    private DateTime MeetingAt => App.Clock.GetUtcNow().UtcDateTime.AddDays(2);

    [Fact]
    public async Task The_tally_counts_who_read_who_attends_who_does_not_and_who_has_not_answered()
    {
        var residents = await ResidentsAtHomeAsync("毅阳社区", 3, Phones);
        var outsider = await App.SignInResidentAsync("13900000009");
        await outsider.SetHomeAsync(await GridAsync("毅阳社区", 1));
        var qiu = await App.SignInAsync("qiumeiling");

        var notice = await qiu.SendNoticeAsync(await GridAsync("毅阳社区", 3), MeetingAt);
        Assert.Equal(new NoticeTally(notice.Id, 4, 0, 0, 0, 4), notice.Tally);
        Assert.Equal("毅阳社区 · 第3网格", notice.Audience);

        await (await residents[0].TryOpenNoticeAsync(notice.Id)).ShouldBe(HttpStatusCode.OK);
        await residents[1].AnswerAsync(notice.Id, "Attend");
        await residents[2].AnswerAsync(notice.Id, "Decline");

        var seen = await qiu.NoticeAsync(notice.Id);
        Assert.Equal(new NoticeTally(notice.Id, 4, 3, 1, 1, 2), seen.Tally);
        Assert.Equal(4, seen.Recipients.Count);
        Assert.All(seen.Recipients, r => Assert.Matches(@"^139\*\*\*\*000\d$", r.Phone));
        Assert.DoesNotContain(Phones[0], await (await qiu.GetAsync($"/api/v1/notices/{notice.Id}")).Content.ReadAsStringAsync());
        Assert.Equal(seen.Tally, Assert.Single((await qiu.NoticesAsync()).Items).Tally);
        Assert.Empty(await outsider.MyNoticesAsync());
    }

    [Fact]
    public async Task Each_recipient_gets_one_sms_naming_the_sender_and_the_title()
    {
        await ResidentsAtHomeAsync("毅阳社区", 3, Phones[..2]);

        await (await App.SignInAsync("qiumeiling")).SendNoticeAsync(await GridAsync("毅阳社区", 3), MeetingAt);
        await App.DeliverAsync();

        foreach (var phone in Phones[..2])
        {
            var sms = Assert.Single(App.Sink().Messages, m => m.Phone == phone && m.Template == "ResidentNotice");
            Assert.Contains("周六上午开居民议事会", sms.Text);
            Assert.Contains("第3网格", sms.Text);
        }
    }

    [Fact]
    public async Task A_community_notice_reaches_every_grid_of_the_community_and_unread_come_first()
    {
        var inThree = await ResidentsAtHomeAsync("毅阳社区", 3, Phones[..1]);
        await ResidentsAtHomeAsync("毅阳社区", 1, Phones[1..2]);
        await ResidentsAtHomeAsync("檀林社区", 1, Phones[2..3]);
        var chen = await App.SignInAsync("chenliting");

        var first = await chen.SendNoticeAsync(await UnitAsync("毅阳社区"), MeetingAt, asksAttendance: false);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await chen.SendNoticeAsync(await UnitAsync("毅阳社区"), MeetingAt, asksAttendance: false);
        await (await inThree[0].TryOpenNoticeAsync(second.Id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(2, first.Tally.Sent);
        Assert.Equal([first.Id, second.Id], (await inThree[0].MyNoticesAsync()).Select(n => n.Id));
        Assert.Equal(1, (await chen.NoticeAsync(second.Id)).Tally.Read);
    }

    [Fact]
    public async Task A_resident_changes_the_answer_until_the_meeting_and_not_after()
    {
        var resident = (await ResidentsAtHomeAsync("毅阳社区", 3, Phones[..1]))[0];
        var qiu = await App.SignInAsync("qiumeiling");
        var notice = await qiu.SendNoticeAsync(await GridAsync("毅阳社区", 3), MeetingAt);

        await resident.AnswerAsync(notice.Id, "Attend");
        var changed = await resident.AnswerAsync(notice.Id, "Decline");
        Assert.Equal(NoticeAnswer.Decline, changed.Answer);
        Assert.Equal(new NoticeTally(notice.Id, 1, 1, 0, 1, 0), (await qiu.NoticeAsync(notice.Id)).Tally);

        App.Clock.Advance(TimeSpan.FromDays(2));
        await (await resident.TryAnswerAsync(notice.Id, "Attend")).ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(NoticeAnswer.Decline, Assert.Single(await resident.MyNoticesAsync()).Answer);
        Assert.False(Assert.Single(await resident.MyNoticesAsync()).CanAnswer);
    }

    [Fact]
    public async Task A_resident_the_notice_was_not_sent_to_can_neither_read_nor_answer_it()
    {
        await ResidentsAtHomeAsync("毅阳社区", 3, Phones[..1]);
        var notice = await (await App.SignInAsync("qiumeiling")).SendNoticeAsync(await GridAsync("毅阳社区", 3), MeetingAt);
        var moved = await App.SignInResidentAsync(Phones[1]);
        await moved.SetHomeAsync(await GridAsync("毅阳社区", 3));

        await (await moved.TryOpenNoticeAsync(notice.Id)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await moved.TryAnswerAsync(notice.Id, "Attend")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await App.CreateClient().GetAsync($"/api/v1/resident/notices/{notice.Id}")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(0, await App.QueryAsync(db => db.NoticeRecipients.OfTest().CountAsync(r => r.ReadAt != null || r.Answer != null)));
    }

    [Fact]
    public async Task A_read_receipt_notice_takes_no_answer()
    {
        var resident = (await ResidentsAtHomeAsync("毅阳社区", 3, Phones[..1]))[0];
        var notice = await (await App.SignInAsync("qiumeiling")).SendNoticeAsync(await GridAsync("毅阳社区", 3), MeetingAt, asksAttendance: false);

        await (await resident.TryAnswerAsync(notice.Id, "Attend")).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await resident.TryAnswerAsync(notice.Id, "Maybe")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Null(await App.QueryAsync(db => db.NoticeRecipients.OfTest().Select(r => r.Answer).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_community_head_finds_a_partly_answered_notice()
    {
        var demo = Assert.Single((await (await App.SignInAsync("xujing")).NoticesAsync()).Items);

        Assert.Equal(new NoticeTally(demo.Id, 4, 3, 1, 1, 2), demo.Tally);
        Assert.Single(await (await App.SignInResidentAsync("13905960004")).MyNoticesAsync());
    }

    private async Task<List<HttpClient>> ResidentsAtHomeAsync(string community, int grid, IEnumerable<string> phones)
    {
        var gridId = await GridAsync(community, grid);
        var clients = new List<HttpClient>();
        foreach (var phone in phones)
        {
            var resident = await App.SignInResidentAsync(phone);
            await resident.SetHomeAsync(gridId);
            clients.Add(resident);
        }

        return clients;
    }
}

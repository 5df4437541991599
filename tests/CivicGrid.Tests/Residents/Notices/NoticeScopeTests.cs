using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Residents.Notices;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>Staff write to and see only the residents of their own place; bad input sends nothing to anyone.</summary>
public sealed class NoticeScopeTests : AppTest
{
    private DateTime MeetingAt => App.Clock.GetUtcNow().UtcDateTime.AddDays(2);

    [Fact]
    public async Task Staff_of_another_community_neither_see_nor_send_and_departments_may_not_at_all()
    {
        var resident = await App.SignInResidentAsync("13900000001");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 3));
        var notice = await (await App.SignInAsync("chenliting")).SendNoticeAsync(await UnitAsync("毅阳社区"), MeetingAt);
        var admin = await App.SignInAsync("admin");
        await admin.CreateAccountAsync("tanlinhead", "CommunityHead", await UnitAsync("檀林社区"));
        var tanlin = await App.SignInAsync("tanlinhead", "Start@2026");

        Assert.Empty((await tanlin.NoticesAsync()).Items);
        await (await tanlin.GetAsync($"/api/v1/notices/{notice.Id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tanlin.TrySendNoticeAsync(await UnitAsync("毅阳社区"), meetingAt: MeetingAt)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await tanlin.TrySendNoticeAsync(await GridAsync("毅阳社区", 3), meetingAt: MeetingAt)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await App.SignInAsync("liuqiang")).GetAsync("/api/v1/notices")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(1, await App.QueryAsync(db => db.Notices.OfTest().CountAsync()));
    }

    [Fact]
    public async Task A_grid_worker_writes_to_their_own_grid_only_and_the_street_sees_every_community()
    {
        var resident = await App.SignInResidentAsync("13900000001");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 1));
        var qiu = await App.SignInAsync("qiumeiling");

        await (await qiu.TrySendNoticeAsync(await GridAsync("毅阳社区", 1), meetingAt: MeetingAt)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await qiu.TrySendNoticeAsync(await UnitAsync("毅阳社区"), meetingAt: MeetingAt)).ShouldBeProblem(HttpStatusCode.NotFound);
        var sent = await (await App.SignInAsync("chenliting")).SendNoticeAsync(await GridAsync("毅阳社区", 1), MeetingAt);

        Assert.Empty((await qiu.NoticesAsync()).Items);
        Assert.Equal(sent.Id, Assert.Single((await (await App.SignInAsync("wangjun")).NoticesAsync()).Items).Id);
    }

    [Theory]
    [InlineData("NO_TITLE", "title")]
    [InlineData("LONG_TITLE", "title")]
    [InlineData("NO_BODY", "body")]
    [InlineData("NO_AUDIENCE", "audienceId")]
    [InlineData("A_STREET", "audienceId")]
    [InlineData("NOBODY_HOME", "audienceId")]
    [InlineData("NO_MEETING", "meetingAt")]
    [InlineData("PAST_MEETING", "meetingAt")]
    public async Task Bad_input_is_refused_and_nothing_is_sent(string input, string field)
    {
        var resident = await App.SignInResidentAsync("13900000001");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 3));
        var wang = await App.SignInAsync("wangjun");
        int? audience = input switch
        {
            "NO_AUDIENCE" => null,
            "A_STREET" => await UnitAsync("蓝田街道"),
            "NOBODY_HOME" => await GridAsync("毅阳社区", 2),
            _ => await UnitAsync("毅阳社区"),
        };
        DateTime? meetingAt = input switch
        {
            "NO_MEETING" => null,
            "PAST_MEETING" => App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1),
            _ => MeetingAt,
        };

        var problem = await (await wang.TrySendNoticeAsync(
            audience,
            title: input switch { "NO_TITLE" => "  ", "LONG_TITLE" => new string('通', NoticeConfiguration.TitleMaxLength + 1), _ => "周六上午开居民议事会" },
            body: input == "NO_BODY" ? null : "议题：小区停车位划线",
            meetingAt: meetingAt)).ShouldBeProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, await App.QueryAsync(db => db.Notices.OfTest().CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.NoticeRecipients.OfTest().CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == CivicGrid.Web.Notifications.NotificationKind.ResidentNotice)));
        await App.DeliverAsync();
        Assert.DoesNotContain(App.Sink().Messages, m => m.Template == "ResidentNotice");
    }
}

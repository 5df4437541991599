using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Tests.Notifications;

/// <summary>The inbox: a person's own notifications, newest first, read one by one or all at once.</summary>
public sealed class InboxTests : AppTest
{
    [Fact]
    public async Task The_community_head_finds_the_grid_workers_report_unread_in_her_inbox_and_reads_it()
    {
        var reported = await ReportInYiyangAsync("绿地私搭停车棚");
        var chenliting = await App.SignInAsync("chenliting");

        var inbox = await chenliting.InboxAsync();
        var notice = Assert.Single(inbox.Items, n => n.EventNumber == reported.Number);
        Assert.Equal(NotificationKind.NewTodo, notice.Kind);
        Assert.Equal(reported.Id, notice.EventId);
        Assert.Null(notice.ReadAt);
        Assert.Equal(1, (await Counts(chenliting)).Unread);

        var read = await (await chenliting.PostAsync($"/api/v1/me/notifications/{notice.Id}/read", null)).ShouldBe<CivicGrid.Web.Notifications.Inbox.NotificationView>(HttpStatusCode.OK);
        Assert.NotNull(read.ReadAt);
        Assert.Equal(0, (await Counts(chenliting)).Unread);
    }

    [Fact]
    public async Task Nobody_reads_or_marks_another_persons_notification()
    {
        await ReportInYiyangAsync("绿地私搭停车棚");
        var chenlitings = (await (await App.SignInAsync("chenliting")).InboxAsync()).Items.Single();
        var xujing = await App.SignInAsync("xujing");

        Assert.DoesNotContain((await xujing.InboxAsync()).Items, n => n.Id == chenlitings.Id);
        await (await xujing.PostAsync($"/api/v1/me/notifications/{chenlitings.Id}/read", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await xujing.PostAsync("/api/v1/me/notifications/read-all", null)).ShouldBe(HttpStatusCode.OK);

        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == chenlitings.Id).Select(n => n.ReadAt).SingleAsync()));
        var page = await (await (await App.SignInToPagesAsync("xujing")).PostFormAsync("/Notifications", $"/Notifications?handler=Open&id={chenlitings.Id}", [])).ShouldBePage(HttpStatusCode.NotFound);
        Assert.DoesNotContain(chenlitings.EventNumber, page);
        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == chenlitings.Id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Read_all_marks_every_unread_notification_of_the_caller()
    {
        await ReportInYiyangAsync("绿地私搭停车棚");
        await ReportInYiyangAsync("井盖缺失");
        var chenliting = await App.SignInAsync("chenliting");
        Assert.Equal(2, (await Counts(chenliting)).Unread);

        var marked = await (await chenliting.PostAsync("/api/v1/me/notifications/read-all", null)).ShouldBe<CivicGrid.Web.Notifications.Inbox.InboxApi.ReadAllResult>(HttpStatusCode.OK);

        Assert.Equal(2, marked.Marked);
        Assert.All((await chenliting.InboxAsync()).Items, n => Assert.NotNull(n.ReadAt));
    }

    [Fact]
    public async Task The_inbox_page_lists_newest_first_marks_unread_and_opening_one_reads_it_and_shows_the_event()
    {
        var first = await ReportInYiyangAsync("绿地私搭停车棚");
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ReportInYiyangAsync("井盖缺失");
        var pages = await App.SignInToPagesAsync("chenliting");

        var page = await (await pages.GetAsync("/Notifications")).ShouldBePage(HttpStatusCode.OK);
        Assert.True(page.IndexOf(second.Number, StringComparison.Ordinal) < page.IndexOf(first.Number, StringComparison.Ordinal));
        Assert.Equal(2, Count(page, "data-unread=\"true\""));
        Assert.Contains("新待办", page);
        Assert.Contains("data-testid=\"nav-unread-count\"", page);

        var id = await App.QueryAsync(db => db.Notifications.Where(n => n.EventNumber == first.Number).Select(n => n.Id).SingleAsync());
        var opened = await pages.PostFormAsync("/Notifications", $"/Notifications?handler=Open&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Events/Detail/{first.Id}", opened.Headers.Location?.OriginalString);

        var after = await (await pages.GetAsync("/Notifications?culture=en")).ShouldBePage(HttpStatusCode.OK);
        Assert.Equal(1, Count(after, "data-unread=\"true\""));
        Assert.Contains("New to-do", after);
        Assert.Contains("Mark all as read", after);

        var allRead = await pages.PostFormAsync("/Notifications", "/Notifications?handler=ReadAll", []);
        Assert.Equal(HttpStatusCode.Redirect, allRead.StatusCode);
        Assert.Equal(0, Count(await (await pages.GetAsync("/Notifications")).ShouldBePage(HttpStatusCode.OK), "data-unread=\"true\""));
    }

    [Fact]
    public async Task The_navigation_shows_the_open_todo_count_and_the_unread_count()
    {
        await ReportInYiyangAsync("绿地私搭停车棚");
        var pages = await App.SignInToPagesAsync("chenliting");

        var counts = await (await pages.GetAsync("/Notifications?handler=Counts")).ShouldBe<CivicGrid.Web.Notifications.Inbox.NavCounts>(HttpStatusCode.OK);
        Assert.Equal(new CivicGrid.Web.Notifications.Inbox.NavCounts(1, 1), counts);
        var page = await (await pages.GetAsync("/Events/Todo")).ShouldBePage(HttpStatusCode.OK);
        Assert.Matches("data-testid=\"nav-todo-count\"[^>]*>1</span>", page);
        Assert.Matches("data-testid=\"nav-unread-count\"[^>]*>1</span>", page);
        Assert.Matches(@"/lib/signalr/signalr\.min\.[a-z0-9]{10}\.js", page);
    }

    private async Task<CivicGrid.Web.Events.EventDetail> ReportInYiyangAsync(string title) =>
        await (await App.SignInAsync("qiumeiling")).ReportAsync(EventsClient.Report(await SpotInGridAsync("毅阳社区", 3), title: title));

    private static async Task<CivicGrid.Web.Notifications.Inbox.NavCounts> Counts(HttpClient client) =>
        await (await client.GetAsync("/api/v1/me/notifications/unread")).ShouldBe<CivicGrid.Web.Notifications.Inbox.NavCounts>(HttpStatusCode.OK);

    private static int Count(string page, string marker) => (page.Length - page.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;
}

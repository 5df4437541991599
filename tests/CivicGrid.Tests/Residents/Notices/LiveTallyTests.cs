using System.Threading.Channels;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Tests.Notifications;
using CivicGrid.Web.Residents.Notices;
using Microsoft.AspNetCore.SignalR.Client;

namespace CivicGrid.Tests.Residents.Notices;

/// <summary>The staff page of a notice hears its tally change through the notifications hub, if its person may see the notice.</summary>
public sealed class LiveTallyTests : AppTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_watching_page_hears_the_new_tally_when_a_resident_answers()
    {
        var resident = await App.SignInResidentAsync("13900000001");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 3));
        var qiu = await App.SignInAsync("qiumeiling");
        var notice = await qiu.SendNoticeAsync(await GridAsync("毅阳社区", 3), App.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        await using var page = await LiveClient.ConnectAsync(App, qiu);
        var heard = Listen(page);

        Assert.True(await page.Connection.InvokeAsync<bool>("WatchNotice", notice.Id));
        await resident.AnswerAsync(notice.Id, "Attend");

        using var patience = new CancellationTokenSource(Patience);
        Assert.Equal(new NoticeTally(notice.Id, 1, 1, 1, 0, 0), await heard.ReadAsync(patience.Token));
    }

    [Fact]
    public async Task Staff_who_may_not_see_the_notice_cannot_watch_it()
    {
        var resident = await App.SignInResidentAsync("13900000001");
        await resident.SetHomeAsync(await GridAsync("毅阳社区", 1));
        var notice = await (await App.SignInAsync("chenliting")).SendNoticeAsync(await GridAsync("毅阳社区", 1), App.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        await using var otherGrid = await LiveClient.ConnectAsync(App, await App.SignInAsync("qiumeiling"));
        await using var department = await LiveClient.ConnectAsync(App, await App.SignInAsync("liuqiang"));
        var heard = Listen(otherGrid);

        Assert.False(await otherGrid.Connection.InvokeAsync<bool>("WatchNotice", notice.Id));
        Assert.False(await department.Connection.InvokeAsync<bool>("WatchNotice", notice.Id));
        await resident.AnswerAsync(notice.Id, "Attend");

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await heard.ReadAsync(wait.Token));
    }

    private static ChannelReader<NoticeTally> Listen(LiveClient page)
    {
        var received = Channel.CreateUnbounded<NoticeTally>();
        page.Connection.On<NoticeTally>(NoticeLive.Tallied, tally => received.Writer.TryWrite(tally));
        return received.Reader;
    }
}

using System.Net;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.RealTime;

namespace CivicGrid.Tests.Notifications;

/// <summary>The notification hub: who may listen, and who hears what.</summary>
public sealed class RealTimeTests : AppTest
{
    [Fact]
    public async Task Anonymous_connections_are_refused()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(App, null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var negotiate = await App.CreateClient().PostAsync($"{NotificationHub.Path}/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_token_in_the_query_string_is_accepted_on_the_hub_and_nowhere_else()
    {
        var token = (await App.SignInAsync("chenliting")).DefaultRequestHeaders.Authorization!.Parameter;
        var anonymous = App.CreateClient();

        var negotiate = await anonymous.PostAsync($"{NotificationHub.Path}/negotiate?negotiateVersion=1&access_token={token}", null);
        await negotiate.ShouldBe(HttpStatusCode.OK);

        var api = await anonymous.GetAsync($"/api/v1/me/notifications?access_token={token}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Each_person_hears_only_their_own_notifications_in_their_own_language()
    {
        await using var chenliting = await LiveClient.ConnectAsync(App, await App.SignInAsync("chenliting"));
        await using var xujing = await LiveClient.ConnectAsync(App, await App.SignInAsync("xujing"));

        var heard = await chenliting.HearAsync(() => LiveClient.SendInAppAsync(App, "chenliting", "SJ-0001"));
        Assert.Equal("SJ-0001", heard.EventNumber);
        Assert.Equal(NotificationKind.NewTodo, heard.Kind);
        Assert.Equal("新待办 SJ-0001：绿地私搭停车棚", heard.Text);

        // One connection receives in order: had chenliting's message reached xujing, it would come first.
        var hers = await xujing.HearAsync(() => LiveClient.SendInAppAsync(App, "xujing", "SJ-0002", "en", NotificationKind.Overdue));
        Assert.Equal("SJ-0002", hers.EventNumber);
        Assert.Equal("SJ-0002 is overdue: 绿地私搭停车棚", hers.Text);
    }

    [Fact]
    public async Task A_disabled_account_cannot_listen()
    {
        var signedIn = await App.SignInAsync("chenliting");
        await App.QueryAsync(async db =>
        {
            var user = db.Users.Single(u => u.UserName == "chenliting");
            user.IsActive = false;
            return await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => LiveClient.ConnectAsync(App, signedIn));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

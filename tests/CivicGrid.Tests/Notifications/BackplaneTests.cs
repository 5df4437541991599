using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.RealTime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Notifications;

/// <summary>Several instances of the platform: a page open on one hears what another sends, through Redis.</summary>
public sealed class BackplaneTests : IAsyncLifetime
{
    // Separate databases are fine: only the hub message crosses between the instances.
    private readonly CivicGridFactory _a = new() { SignalRRedis = RedisFactAttribute.Server };
    private readonly CivicGridFactory _b = new() { SignalRRedis = RedisFactAttribute.Server };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [RedisFact]
    public async Task A_message_sent_on_one_instance_reaches_a_page_connected_to_another()
    {
        await using var onB = await LiveClient.ConnectAsync(_b, await _b.SignInAsync("chenliting"));
        var chenlitingOnB = await _b.QueryAsync(db => db.Users.Where(u => u.UserName == "chenliting").Select(u => u.Id).SingleAsync());
        var hubOnA = _a.Services.GetRequiredService<IHubContext<NotificationHub>>();
        var message = new NotifiedMessage(7, NotificationKind.NewTodo, 42, "SJ-0042", "新待办 SJ-0042：绿地私搭停车棚", Urgent: false);

        var heard = await onB.HearAsync(() => hubOnA.Clients.Group(NotificationHub.GroupOf(chenlitingOnB)).SendAsync(NotificationHub.Notified, message));

        Assert.Equal(message, heard);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using CivicGrid.Tests.Infrastructure;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Inbox;
using CivicGrid.Web.Notifications.Preferences;
using CivicGrid.Web.Notifications.RealTime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Notifications;

/// <summary>A person's open page, as the hub sees it: a connection that collects what it is told.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    /// <summary>Generous: a loaded CI machine may take a while; a message that never comes fails the test anyway.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<NotifiedMessage> _received = Channel.CreateUnbounded<NotifiedMessage>();

    private LiveClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Connects through the test server, with the bearer token of a client signed in through the API (or none).</summary>
    public static async Task<LiveClient> ConnectAsync(CivicGridFactory app, HttpClient? signedIn)
    {
        var token = signedIn?.DefaultRequestHeaders.Authorization?.Parameter;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, NotificationHub.Path.TrimStart('/')), options =>
            {
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                options.AccessTokenProvider = () => Task.FromResult(token);
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new LiveClient(connection);
        connection.On<NotifiedMessage>(NotificationHub.Notified, message => client._received.Writer.TryWrite(message));
        await connection.StartAsync();
        return client;
    }

    /// <summary>
    /// Sends until the first message arrives. The hub answers the handshake before the connection has
    /// joined its group, so a message sent at once may find nobody; a page would read the list instead.
    /// </summary>
    public async Task<NotifiedMessage> HearAsync(Func<Task> send)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            await send();
            using var round = CancellationTokenSource.CreateLinkedTokenSource(patience.Token);
            round.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                return await _received.Reader.ReadAsync(round.Token);
            }
            catch (OperationCanceledException) when (!patience.IsCancellationRequested)
            {
                // Not joined yet: send again.
            }
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    /// <summary>What the delivery worker does for the in-app channel, without the worker.</summary>
    public static async Task SendInAppAsync(CivicGridFactory app, string userName, string number, string language = "zh-CN", NotificationKind kind = NotificationKind.NewTodo)
    {
        var userId = await app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var notification = new Notification { Id = 1, Kind = kind, RecipientId = userId, EventNumber = number, EventTitle = "绿地私搭停车棚", Place = "毅阳社区" };
        var channel = app.Services.GetServices<INotificationChannel>().Single(c => c.Channel == NotificationChannel.InApp);
        var result = await channel.SendAsync(new OutgoingMessage($"test-{number}", userId, null, language, [notification]), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
    }
}

/// <summary>The inbox and preferences API, in intent words.</summary>
public static class NotificationsClient
{
    public static async Task<Page<NotificationView>> InboxAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/me/notifications")).ShouldBe<Page<NotificationView>>(HttpStatusCode.OK);

    public static async Task<PreferencesView> PreferencesAsync(this HttpClient client) =>
        await (await client.GetAsync("/api/v1/me/notification-preferences")).ShouldBe<PreferencesView>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PutPreferencesAsync(this HttpClient client, object preferences) =>
        client.PutAsJsonAsync("/api/v1/me/notification-preferences", preferences);
}

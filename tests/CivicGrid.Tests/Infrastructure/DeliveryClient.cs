using System.Collections.Concurrent;
using System.Net;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Notifications.Delivery;
using CivicGrid.Web.Notifications.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>Delivery rounds run by hand, as an instance's worker would, and the administrators' delivery log through the API.</summary>
public static class DeliveryClient
{
    /// <summary>One delivery round on this host, in a scope of its own like the worker's.</summary>
    public static async Task<DeliveryRound.Result> DeliverAsync(this WebApplicationFactory<Program> host, CancellationToken ct = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryRound>().RunAsync(ct);
    }

    /// <summary>Only the claims of a round: the worker dies before it sends anything.</summary>
    public static async Task<IReadOnlyList<DeliveryRound.Claim>> ClaimOnlyAsync(this WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryRound>().ClaimDueAsync(CancellationToken.None);
    }

    public static SmsSink Sink(this WebApplicationFactory<Program> host) => host.Services.GetRequiredService<SmsSink>();

    /// <summary>An instance that sends SMS through <paramref name="gateway"/> instead of the sink.</summary>
    public static WebApplicationFactory<Program> SendingThrough(this WebApplicationFactory<Program> host, StandInGateway gateway) =>
        host.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:Sms:Gateway", StandInGateway.Key)
            .ConfigureServices(services => services.AddKeyedSingleton<ISmsGateway>(StandInGateway.Key, gateway)));

    public static Task<List<NotificationDelivery>> SmsDeliveriesAsync(this CivicGridFactory app, Guid recipient) =>
        app.QueryAsync(db => db.NotificationDeliveries.Where(d => d.RecipientId == recipient && d.Channel == NotificationChannel.Sms).OrderBy(d => d.Id).ToListAsync());

    public static Task<Guid> UserIdAsync(this CivicGridFactory app, string userName) =>
        app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public static Task<string> PhoneOfAsync(this CivicGridFactory app, string userName) =>
        app.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.PhoneNumber!).SingleAsync());

    /// <summary>The person's preferences: the defaults, changed as the test says.</summary>
    public static Task PreferAsync(this CivicGridFactory app, Guid userId, Action<NotificationPreference> change) =>
        app.QueryAsync(async db =>
        {
            var preference = NotificationPreference.Defaults(userId);
            change(preference);
            db.NotificationPreferences.Add(preference);
            return await db.SaveChangesAsync();
        });

    public static Task<HttpResponseMessage> TryDeliveriesAsync(this HttpClient client, string query = "") =>
        client.GetAsync($"/api/v1/admin/notification-deliveries{query}");

    public static async Task<DeliveryList> DeliveriesAsync(this HttpClient client, string query = "") =>
        await (await client.TryDeliveriesAsync(query)).ShouldBe<DeliveryList>(HttpStatusCode.OK);

    public static async Task<DeliveryDetail> DeliveryAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/admin/notification-deliveries/{id}")).ShouldBe<DeliveryDetail>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryRetryAsync(this HttpClient client, long id) =>
        client.PostAsync($"/api/v1/admin/notification-deliveries/{id}/retry", null);
}

/// <summary>
/// Stands in for an external SMS provider: it honours idempotency keys as a real one does, and
/// fails, refuses or hangs after accepting when the test says so.
/// </summary>
public sealed class StandInGateway : ISmsGateway
{
    public const string Key = "StandIn";

    private readonly ConcurrentDictionary<string, SmsMessage> _accepted = new();
    private int _calls;

    public int TransientFailures { get; set; }
    public bool Refuse { get; set; }
    /// <summary>Accepts, then never answers: the worker dies before it can record the send.</summary>
    public bool HangAfterAccepting { get; set; }
    public TaskCompletionSource Accepting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Calls => _calls;
    public IReadOnlyCollection<SmsMessage> Accepted => [.. _accepted.Values];

    public async Task<ChannelResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        if (Refuse)
        {
            return ChannelResult.Rejected("invalid phone number");
        }

        if (TransientFailures > 0)
        {
            TransientFailures--;
            return ChannelResult.Transient("provider busy");
        }

        _accepted.TryAdd(message.Key, message);
        if (HangAfterAccepting)
        {
            Accepting.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }

        return ChannelResult.Sent($"standin-{message.Key}");
    }
}

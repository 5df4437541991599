using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Notifications.Delivery;

/// <summary>
/// One pass of the delivery worker over what is due. Each (person, channel) group is claimed by a
/// conditional update with a lease (docs/decisions/0011-durable-timers.md), so instances never
/// share a delivery; a worker that dies holding a claim loses it when the lease ends. The message a
/// delivery goes in, and its idempotency key, is committed before the send, so a retry after a
/// crash repeats the same message under the same key and a gateway that honours keys sends it once.
/// </summary>
public sealed class DeliveryRound(
    CivicGridDb db,
    IEnumerable<INotificationChannel> channels,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<DeliveryRound> log)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    // The last registration of a channel wins, as with any service.
    private readonly Dictionary<NotificationChannel, INotificationChannel> _channels = channels.GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>A (person, channel) group this round holds the lease of.</summary>
    public sealed record Claim(Guid RecipientId, NotificationChannel Channel, Guid Token);

    /// <param name="Messages">Messages the channels accepted.</param>
    /// <param name="Failures">Tries that failed, whether they will be retried or not.</param>
    /// <param name="Held">Deliveries put off for quiet hours or a digest.</param>
    public sealed record Result(int Messages, int Failures, int Held)
    {
        public static Result operator +(Result a, Result b) => new(a.Messages + b.Messages, a.Failures + b.Failures, a.Held + b.Held);
    }

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var total = new Result(0, 0, 0);
        while (true)
        {
            var claims = await ClaimDueAsync(ct);
            foreach (var claim in claims)
            {
                total += await DeliverOneAsync(claim, ct);
            }

            if (claims.Count < options.Value.BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// The first half of a round: claims the due groups of the channels this instance has. Public
    /// so a test can stop a round here, as a crash would.
    /// </summary>
    public async Task<IReadOnlyList<Claim>> ClaimDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var available = _channels.Keys.ToList();
        var groups = await Due(now).Where(d => available.Contains(d.Channel))
            .GroupBy(d => new { d.RecipientId, d.Channel })
            .Select(g => new { g.Key.RecipientId, g.Key.Channel, First = g.Min(d => d.DueAt) })
            .OrderBy(g => g.First)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);

        var claims = new List<Claim>();
        var leaseUntil = now + options.Value.Lease;
        foreach (var group in groups)
        {
            var token = Guid.NewGuid();
            // Whoever updates first holds the rows; a second worker's update then matches none of them.
            var claimed = await Due(now).Where(d => d.RecipientId == group.RecipientId && d.Channel == group.Channel)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
            if (claimed > 0)
            {
                claims.Add(new Claim(group.RecipientId, group.Channel, token));
            }
        }

        return claims;
    }

    private sealed record Person(bool IsActive, string? PhoneNumber, string? Email, NotificationPreference? Preference);

    /// <summary>The second half: plans, sends and records the claimed deliveries.</summary>
    public async Task<Result> DeliverAsync(Claim claim, CancellationToken ct)
    {
        var rows = await db.NotificationDeliveries.Where(d => d.LeaseToken == claim.Token && d.Status == DeliveryStatus.Pending).OrderBy(d => d.Id).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new Result(0, 0, 0);
        }

        // Staff, or a resident (SMS only, the account's number now, the default quiet hours).
        var person = await db.Users.AsNoTracking().Where(u => u.Id == claim.RecipientId)
                .Select(u => new Person(u.IsActive, u.PhoneNumber, u.Email, db.NotificationPreferences.FirstOrDefault(p => p.UserId == u.Id)))
                .SingleOrDefaultAsync(ct)
            ?? await db.Residents.AsNoTracking().Where(r => r.Id == claim.RecipientId)
                .Select(r => new Person(true, r.Phone, null, NotificationPreference.ForResident(r.Id)))
                .SingleOrDefaultAsync(ct);
        var address = claim.Channel switch
        {
            NotificationChannel.Sms => person?.PhoneNumber,
            NotificationChannel.Email => person?.Email,
            _ => null,
        };
        if (person is not { IsActive: true } || (claim.Channel != NotificationChannel.InApp && string.IsNullOrWhiteSpace(address)))
        {
            return await SkipAsync(rows, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var preference = person.Preference ?? NotificationPreference.Defaults(claim.RecipientId);
        var lastSentAt = claim.Channel == NotificationChannel.InApp ? null
            : await db.NotificationDeliveries.Where(d => d.RecipientId == claim.RecipientId && d.Channel == claim.Channel && d.Status == DeliveryStatus.Sent).MaxAsync(d => d.SentAt, ct);
        var notifications = await NotificationsOfAsync(rows, ct);
        var plan = AttentionPolicy.For(
            claim.Channel,
            [.. rows.Select(d => new AttentionPolicy.Item(d.Id, d.NotificationId, notifications[d.NotificationId].Urgent, d.MessageKey))],
            preference,
            lastSentAt,
            now);

        foreach (var row in rows.Where(d => plan.Held.Contains(d.Id)))
        {
            row.DueAt = plan.HoldUntil!.Value;
            Release(row);
        }

        foreach (var message in plan.Messages)
        {
            foreach (var row in rows.Where(d => message.DeliveryIds.Contains(d.Id)))
            {
                row.MessageKey = message.Key;
                row.Address = address;
            }
        }

        // The messages are fixed before anything is sent: a retry sends each again as it is.
        await db.SaveChangesAsync(ct);

        var result = new Result(0, 0, plan.Held.Count);
        var channel = _channels[claim.Channel];
        foreach (var message in plan.Messages)
        {
            var carried = rows.Where(d => message.DeliveryIds.Contains(d.Id)).ToList();
            var outgoing = new OutgoingMessage(message.Key, claim.RecipientId, address, preference.Language,
                [.. carried.Select(d => notifications[d.NotificationId]).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)]);
            var sent = await SendAsync(channel, outgoing, carried, ct);
            result += new Result(sent ? 1 : 0, sent ? 0 : 1, 0);
        }

        return result;
    }

    /// <summary>The wait before the next try after <paramref name="attempts"/> failed ones: doubling, with jitter so instances do not retry in step.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan retryBase, double jitter)
    {
        var doubled = retryBase.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(doubled * (0.8 + (0.4 * jitter)), LongestWait.TotalSeconds));
    }

    private async Task<Result> DeliverOneAsync(Claim claim, CancellationToken ct)
    {
        try
        {
            return await DeliverAsync(claim, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The lease runs out and a later round takes these deliveries again.
            log.LogError(failure, "Delivering {Channel} notifications to {Recipient} failed", claim.Channel, claim.RecipientId);
            return new Result(0, 0, 0);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> SendAsync(INotificationChannel channel, OutgoingMessage message, List<NotificationDelivery> carried, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        ChannelResult outcome;
        try
        {
            outcome = await channel.SendAsync(message, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            outcome = ChannelResult.Transient(failure.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var error = Shorten(outcome.Error);
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            MessageKey = message.Key,
            Channel = channel.Channel,
            RecipientId = message.RecipientId,
            At = now,
            Succeeded = outcome.Succeeded,
            Permanent = outcome.Permanent,
            ProviderMessageId = outcome.ProviderMessageId,
            Error = error,
            DurationMs = (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds),
        });

        foreach (var row in carried)
        {
            row.Attempts++;
            Release(row);
            if (outcome.Succeeded)
            {
                row.Status = DeliveryStatus.Sent;
                row.SentAt = now;
                row.ProviderMessageId = outcome.ProviderMessageId;
                row.LastError = null;
            }
            else
            {
                row.LastError = error;
                row.Status = outcome.Permanent || row.Attempts >= options.Value.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
                row.DueAt = now + Backoff(row.Attempts, options.Value.RetryBase, Random.Shared.NextDouble());
            }
        }

        await db.SaveChangesAsync(ct);
        if (!outcome.Succeeded)
        {
            log.LogWarning("{Channel} message {Key} failed (permanent: {Permanent}): {Error}", channel.Channel, message.Key, outcome.Permanent, outcome.Error);
        }

        return outcome.Succeeded;
    }

    private async Task<Result> SkipAsync(List<NotificationDelivery> rows, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            row.Status = DeliveryStatus.Skipped;
            Release(row);
        }

        await db.SaveChangesAsync(ct);
        return new Result(0, 0, 0);
    }

    private async Task<Dictionary<long, Notification>> NotificationsOfAsync(List<NotificationDelivery> rows, CancellationToken ct)
    {
        var ids = rows.Select(d => d.NotificationId).Distinct().ToList();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
    }

    private IQueryable<NotificationDelivery> Due(DateTime now) =>
        db.NotificationDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now));

    private static void Release(NotificationDelivery row)
    {
        row.LeaseToken = null;
        row.LeaseUntil = null;
    }

    private static string? Shorten(string? error) =>
        error is null || error.Length <= NotificationDeliveryConfiguration.ErrorMaxLength ? error : error[..NotificationDeliveryConfiguration.ErrorMaxLength];
}

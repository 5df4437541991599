using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Notifications.Inbox;

/// <summary>A person's own notifications: the inbox reads and marks only rows addressed to the caller.</summary>
public sealed class InboxQueries(CivicGridDb db, EventQueries events, TimeProvider clock)
{
    private IQueryable<Notification> Mine(Caller caller) => db.Notifications.AsNoTracking().Where(n => n.RecipientId == caller.UserId);

    public Task<Page<NotificationView>> PageAsync(PageRequest page, Caller caller, CancellationToken ct) =>
        Mine(caller).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Kind, n.EventId, n.EventNumber, n.EventTitle, n.Place, n.Deadline, n.Urgent, n.ActorName, n.Note, n.CreatedAt, n.ReadAt))
            .ToPageAsync(page, ct);

    public Task<int> UnreadCountAsync(Caller caller, CancellationToken ct) => Mine(caller).CountAsync(n => n.ReadAt == null, ct);

    public async Task<NavCounts> NavCountsAsync(Caller caller, CancellationToken ct) =>
        new(await events.TodoCountAsync(caller, ct), await UnreadCountAsync(caller, ct));

    /// <summary>Marks one of the caller's notifications read; someone else's is not found, as if it did not exist.</summary>
    public async Task<NotificationView> MarkReadAsync(long id, Caller caller, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == caller.UserId, ct)
            ?? throw DomainException.NotFound();
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }

        var n = notification;
        return new NotificationView(n.Id, n.Kind, n.EventId, n.EventNumber, n.EventTitle, n.Place, n.Deadline, n.Urgent, n.ActorName, n.Note, n.CreatedAt, n.ReadAt);
    }

    /// <returns>How many were unread.</returns>
    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications.Where(n => n.RecipientId == caller.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct);
    }
}

public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    long? EventId,
    string EventNumber,
    string EventTitle,
    string Place,
    DateTime? Deadline,
    bool Urgent,
    string? ActorName,
    string? Note,
    DateTime CreatedAt,
    DateTime? ReadAt)
{
    public bool Unread => ReadAt is null;
}

/// <summary>The badges beside 待办 and 通知 in the navigation.</summary>
public sealed record NavCounts(int Todo, int Unread);

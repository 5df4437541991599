using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Notifications;

/// <summary>
/// The transactional outbox: adds notifications and their deliveries to the caller's unit of work,
/// so they are saved in the same transaction as the change they announce, or not at all. Sending is
/// the delivery worker's job; nothing here leaves the building.
/// </summary>
public sealed class NotificationOutbox(CivicGridDb db, TimeProvider clock)
{
    private readonly HashSet<(Guid Recipient, NotificationKind Kind, Events.Event Event)> _written = [];

    /// <summary>Everyone active in the unit, except whoever caused it (they know).</summary>
    public async Task ToUnitAsync(NotificationKind kind, int unitId, NotificationSubject subject, Guid? actorId, CancellationToken ct)
    {
        foreach (var person in await RecipientsAsync(u => u.UnitId == unitId && u.IsActive && u.Id != actorId, ct))
        {
            Add(kind, person, subject);
        }
    }

    public async Task ToUserAsync(NotificationKind kind, Guid userId, NotificationSubject subject, CancellationToken ct)
    {
        foreach (var person in await RecipientsAsync(u => u.Id == userId && u.IsActive, ct))
        {
            Add(kind, person, subject);
        }
    }

    /// <summary>A resident hears of their report by SMS, at the number of their account; in quiet hours it waits for the morning.</summary>
    public async Task ToResidentAsync(Guid residentId, NotificationSubject subject, CancellationToken ct)
    {
        var phone = await db.Residents.AsNoTracking().Where(r => r.Id == residentId).Select(r => r.Phone).SingleOrDefaultAsync(ct);
        if (phone is not null)
        {
            Add(NotificationKind.ResidentProgress, new Recipient(residentId, phone, null, NotificationPreference.ForResident(residentId)), subject, inApp: false);
        }
    }

    /// <summary>
    /// A notice to a resident (通知回执) is about no event: its SMS names the sending unit and the title
    /// and sends the resident to the notices page, where they read and answer it.
    /// </summary>
    public void ToResidentNotice(Guid residentId, string phone, string title, string unitName)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = new Notification
        {
            Kind = NotificationKind.ResidentNotice,
            RecipientId = residentId,
            EventNumber = string.Empty,
            EventTitle = title,
            Place = unitName,
            CreatedAt = now,
        };
        notification.Deliveries.Add(new NotificationDelivery { RecipientId = residentId, Channel = NotificationChannel.Sms, Address = phone, DueAt = now });
        db.Notifications.Add(notification);
    }

    private sealed record Recipient(Guid Id, string? Phone, string? Email, NotificationPreference? Preference);

    private Task<List<Recipient>> RecipientsAsync(System.Linq.Expressions.Expression<Func<StaffUser, bool>> who, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(who)
            .Select(u => new Recipient(u.Id, u.PhoneNumber, u.Email, db.NotificationPreferences.AsNoTracking().FirstOrDefault(p => p.UserId == u.Id)))
            .ToListAsync(ct);

    private void Add(NotificationKind kind, Recipient person, NotificationSubject subject, bool inApp = true)
    {
        // One save may reach a person twice by two roads (the holder's unit and the reporter); once is enough.
        if (!_written.Add((person.Id, kind, subject.Event)))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var preference = person.Preference ?? NotificationPreference.Defaults(person.Id);
        var e = subject.Event;
        var notification = new Notification
        {
            Kind = kind,
            RecipientId = person.Id,
            // New rows get their ids on save, through the navigation; a row read without tracking must not be added again.
            EventId = e.Id == 0 ? null : e.Id,
            Event = e.Id == 0 ? e : null,
            SupervisionOrderId = subject.Order is { Id: not 0 } order ? order.Id : null,
            SupervisionOrder = subject.Order is { Id: 0 } newOrder ? newOrder : null,
            EventNumber = e.Number,
            EventTitle = e.Title,
            CategoryId = e.CategoryId,
            Place = e.Address,
            Deadline = subject.Deadline,
            Urgent = subject.Urgent,
            ActorName = subject.ActorName,
            Note = Shorten(subject.Note),
            CreatedAt = now,
        };

        if (inApp)
        {
            notification.Deliveries.Add(Delivery(person, NotificationChannel.InApp, null, now));
        }

        if (preference.Sends(NotificationChannel.Sms, kind) && !string.IsNullOrWhiteSpace(person.Phone))
        {
            notification.Deliveries.Add(Delivery(person, NotificationChannel.Sms, person.Phone, now));
        }

        if (preference.Sends(NotificationChannel.Email, kind) && !string.IsNullOrWhiteSpace(person.Email))
        {
            notification.Deliveries.Add(Delivery(person, NotificationChannel.Email, person.Email, now));
        }

        db.Notifications.Add(notification);
    }

    private static NotificationDelivery Delivery(Recipient person, NotificationChannel channel, string? address, DateTime now) =>
        new() { RecipientId = person.Id, Channel = channel, Address = address, DueAt = now };

    private static string? Shorten(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null
        : note.Length <= NotificationConfiguration.NoteMaxLength ? note.Trim()
        : note.Trim()[..(NotificationConfiguration.NoteMaxLength - 1)] + "…";
}

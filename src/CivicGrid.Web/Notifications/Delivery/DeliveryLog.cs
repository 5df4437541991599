using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Notifications.Delivery;

public sealed record DeliveryRow(
    long Id,
    long NotificationId,
    DateTime CreatedAt,
    Guid RecipientId,
    string RecipientName,
    NotificationKind Kind,
    long? EventId,
    string EventNumber,
    NotificationChannel Channel,
    DeliveryStatus Status,
    int Attempts,
    DateTime DueAt,
    DateTime? SentAt,
    string? MessageKey,
    string? ProviderMessageId,
    string? LastError);

public sealed record AttemptRow(DateTime At, string MessageKey, bool Succeeded, bool Permanent, string? ProviderMessageId, string? Error, int DurationMs);

public sealed record DeliveryDetail(DeliveryRow Delivery, IReadOnlyList<AttemptRow> Attempts);

/// <param name="Failed">Failed deliveries in the administrator's subtree, whatever the filter.</param>
public sealed record DeliveryList(Page<DeliveryRow> Deliveries, int Failed);

/// <summary>Filters as typed into a query string; unknown values are refused, not ignored.</summary>
public sealed record DeliveryFilter(string? Status, string? Channel, int? Page, int? PageSize);

/// <summary>
/// The delivery log for administrators: every notification on every channel of the people in their
/// subtree, with each try, and a second chance for those that failed.
/// </summary>
public sealed class DeliveryLog(CivicGridDb db, DeliverySignal signal, TimeProvider clock)
{
    public async Task<DeliveryList> ListAsync(DeliveryFilter filter, Caller caller, CancellationToken ct)
    {
        var check = new Validation();
        var status = Parse<DeliveryStatus>(filter.Status, "status", check);
        var channel = Parse<NotificationChannel>(filter.Channel, "channel", check);
        check.ThrowIfInvalid();

        var scope = Administrators.ScopeOf(caller);
        var failed = await InScope(scope).CountAsync(d => d.Status == DeliveryStatus.Failed, ct);
        var chosen = InScope(scope).Where(d => (status == null || d.Status == status) && (channel == null || d.Channel == channel));
        var page = await Rows(chosen).ToPageAsync(new PageRequest(filter.Page, filter.PageSize), ct);
        return new DeliveryList(page, failed);
    }

    public async Task<DeliveryDetail> GetAsync(long id, Caller caller, CancellationToken ct)
    {
        var row = await Rows(InScope(Administrators.ScopeOf(caller)).Where(d => d.Id == id)).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        var attempts = row.MessageKey is null ? []
            : await db.DeliveryAttempts.AsNoTracking()
                .Where(a => a.MessageKey == row.MessageKey && a.RecipientId == row.RecipientId)
                .OrderBy(a => a.At).ThenBy(a => a.Id)
                .Select(a => new AttemptRow(a.At, a.MessageKey, a.Succeeded, a.Permanent, a.ProviderMessageId, a.Error, a.DurationMs))
                .ToListAsync(ct);
        return new DeliveryDetail(row, attempts);
    }

    /// <summary>
    /// Sends a failed delivery again, with the others its message carried: the same message under
    /// the same key, so a provider that did take it after all does not send it twice.
    /// </summary>
    public async Task<DeliveryDetail> RetryAsync(long id, Caller caller, CancellationToken ct)
    {
        var row = (await GetAsync(id, caller, ct)).Delivery;
        if (row.Status != DeliveryStatus.Failed)
        {
            throw DomainException.Conflict("Deliveries.NotFailed");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var again = row.MessageKey is null
            ? db.NotificationDeliveries.Where(d => d.Id == id)
            : db.NotificationDeliveries.Where(d => d.MessageKey == row.MessageKey && d.RecipientId == row.RecipientId);
        await again.Where(d => d.Status == DeliveryStatus.Failed).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Status, DeliveryStatus.Pending)
            .SetProperty(d => d.DueAt, now)
            .SetProperty(d => d.LeaseToken, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTime?)null), ct);
        signal.Wake();
        return await GetAsync(id, caller, ct);
    }

    /// <summary>
    /// Deliveries to staff whose unit lies in the administrator's subtree, and to residents about
    /// events whose place lies in it: a resident belongs to no unit, the event they reported does.
    /// A notice to residents has no event; it went to the grid they call home.
    /// </summary>
    private IQueryable<NotificationDelivery> InScope(string scope) =>
        db.NotificationDeliveries.AsNoTracking().Where(d =>
            db.Users.Any(u => u.Id == d.RecipientId && u.Unit!.Path.StartsWith(scope))
            || (db.Residents.Any(r => r.Id == d.RecipientId)
                && db.Notifications.Any(n => n.Id == d.NotificationId && n.Event!.PlacePath.StartsWith(scope)))
            || db.Residents.Any(r => r.Id == d.RecipientId && r.HomeGrid!.Path.StartsWith(scope)
                && db.Notifications.Any(n => n.Id == d.NotificationId && n.EventId == null)));

    /// <summary>
    /// The newest notifications first. A resident is named by the masked phone (as PhoneNumbers.Mask
    /// writes it, here in SQL so the page stays one query): the log is for finding failures, not people.
    /// </summary>
    private IQueryable<DeliveryRow> Rows(IQueryable<NotificationDelivery> deliveries) =>
        from d in deliveries
        join n in db.Notifications on d.NotificationId equals n.Id
        from u in db.Users.Where(u => u.Id == d.RecipientId).DefaultIfEmpty()
        from r in db.Residents.Where(r => r.Id == d.RecipientId).DefaultIfEmpty()
        orderby n.CreatedAt descending, d.Id descending
        select new DeliveryRow(
            d.Id, n.Id, n.CreatedAt, d.RecipientId,
            u != null ? u.DisplayName : r.Phone.Substring(0, 3) + "****" + r.Phone.Substring(7, 4),
            n.Kind, n.EventId, n.EventNumber, d.Channel, d.Status, d.Attempts, d.DueAt, d.SentAt, d.MessageKey, d.ProviderMessageId, d.LastError);

    private static T? Parse<T>(string? value, string field, Validation check) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var known = Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _);
        check.Require(known, field, "Validation.UnknownValue");
        return known ? parsed : null;
    }
}

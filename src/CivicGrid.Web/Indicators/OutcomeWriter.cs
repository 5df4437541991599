using CivicGrid.Web.Events;
using CivicGrid.Web.Indicators.Cells;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Residents.Callbacks;
using CivicGrid.Web.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// Brings the outcome rows of some events up to date in the context, for its next save: each is
/// projected from what the database holds plus what the context is about to write. It returns what
/// that changes in the stored cells (<see cref="CellLedger"/>).
/// </summary>
public static class OutcomeWriter
{
    public static async Task<CellLedger> ProjectAsync(CivicGridDb db, IReadOnlyCollection<Event> events, CancellationToken ct)
    {
        var difference = new CellLedger();
        if (events.Count == 0)
        {
            return difference;
        }

        var stored = events.Where(e => db.Entry(e).State != EntityState.Added).Select(e => e.Id).ToList();
        var timeline = await db.TimelineEntries.AsNoTracking().Where(t => stored.Contains(t.EventId))
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new { t.EventId, Fact = new TimelineFact(t.Action, t.FromStatus, t.ToStatus, t.TargetUnitId, t.At) })
            .ToListAsync(ct);
        var timelines = timeline.ToLookup(t => t.EventId, t => t.Fact);
        var evaluations = Current(db, await db.Evaluations.AsNoTracking().Where(v => stored.Contains(v.EventId)).ToListAsync(ct), v => v.Id);
        var callbacks = Current(db, await db.Callbacks.AsNoTracking().Where(c => stored.Contains(c.EventId)).ToListAsync(ct), c => c.Id);
        var orders = Current(db, await db.SupervisionOrders.AsNoTracking().Where(o => stored.Contains(o.EventId)).ToListAsync(ct), o => o.Id);
        var rows = await db.EventOutcomes.Where(o => stored.Contains(o.EventId)).ToDictionaryAsync(o => o.EventId, ct);
        var added = db.ChangeTracker.Entries<TimelineEntry>().Where(t => t.State == EntityState.Added).Select(t => t.Entity).ToList();

        foreach (var e in events)
        {
            var isNew = db.Entry(e).State == EntityState.Added;
            bool Of(long eventId, Event? navigation) => isNew ? navigation == e : eventId == e.Id;
            var facts = new OutcomeFacts(
                e,
                isNew
                    ? e.Timeline.Select(TimelineFact.Of).ToList()
                    : timelines[e.Id].Concat(added.Where(t => t.EventId == e.Id).Select(TimelineFact.Of)).OrderBy(t => t.At).ToList(),
                evaluations.Where(v => Of(v.EventId, v.Event)).ToList(),
                callbacks.SingleOrDefault(c => Of(c.EventId, c.Event)),
                isNew ? [] : orders.Where(o => o.EventId == e.Id).ToList());

            if (!rows.TryGetValue(e.Id, out var row) || isNew)
            {
                row = new EventOutcome { Event = e, PlacePath = e.PlacePath };
                db.EventOutcomes.Add(row);
            }
            else
            {
                // As stored, not as an earlier projection in this context may have left it.
                difference.Add((EventOutcome)db.Entry(row).OriginalValues.ToObject(), -1);
            }

            OutcomeProjection.Apply(facts, row);
            difference.Add(row, +1);
        }

        return difference;
    }

    /// <summary>The stored rows as the context will leave them: its changes over them, and its new ones.</summary>
    private static List<T> Current<T>(CivicGridDb db, List<T> stored, Func<T, long> id) where T : class
    {
        var tracked = db.ChangeTracker.Entries<T>().Where(x => x.State is not (EntityState.Deleted or EntityState.Detached)).ToList();
        var changed = tracked.Where(x => x.State != EntityState.Added).ToDictionary(x => id(x.Entity), x => x.Entity);
        return stored.Select(s => changed.GetValueOrDefault(id(s)) ?? s)
            .Concat(tracked.Where(x => x.State == EntityState.Added).Select(x => x.Entity))
            .ToList();
    }

    /// <summary>The events whose outcome a save may change: those it writes, and those whose timeline, ratings, callback or supervision orders it writes.</summary>
    public static async Task<List<Event>> TouchedAsync(CivicGridDb db, CancellationToken ct)
    {
        var events = new Dictionary<object, Event>(ReferenceEqualityComparer.Instance);
        var ids = new HashSet<long>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var written = entry.State is EntityState.Added or EntityState.Modified;
            switch (entry.Entity)
            {
                case Event e when written:
                    events[e] = e;
                    break;
                case TimelineEntry t when entry.State == EntityState.Added && !IsTemporary(entry, nameof(TimelineEntry.EventId)):
                    ids.Add(t.EventId);
                    break;
                case Evaluation v when written && !IsTemporary(entry, nameof(Evaluation.EventId)):
                    ids.Add(v.EventId);
                    break;
                case Callback c when written && !IsTemporary(entry, nameof(Callback.EventId)):
                    ids.Add(c.EventId);
                    break;
                case SupervisionOrder o when written:
                    ids.Add(o.EventId);
                    break;
            }
        }

        ids.ExceptWith(events.Values.Where(e => db.Entry(e).State != EntityState.Added).Select(e => e.Id));
        if (ids.Count > 0)
        {
            // A tracked event comes back as it is in the context; the others are read.
            foreach (var e in await db.Events.Where(e => ids.Contains(e.Id)).ToListAsync(ct))
            {
                events[e] = e;
            }
        }

        return [.. events.Values];
    }

    private static bool IsTemporary(EntityEntry entry, string property) => entry.Property(property).IsTemporary;
}

using System.Diagnostics;
using CivicGrid.Web.Events;
using CivicGrid.Web.Events.Workflow;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Supervision;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Bench;

/// <summary>
/// Plants <see cref="EventYear"/> into a database the platform has just created and seeded (the
/// demo district), then says what it holds: events by status, timeline entries by action, the
/// other rows, the plant time and the database's size, and checks that the rows agree with each
/// other as the workflow would have left them.
/// </summary>
public static class EventYearBench
{
    private const int Batch = 2000;

    /// <summary>What a planting did: its clock, how long it took (and how much of that was writing rows), and the generator's own counts.</summary>
    public sealed record Planted(DateTime Clock, TimeSpan Took, TimeSpan Writing, YearTally Tally);

    /// <summary>The plant clock: midnight (China) this morning, so the same seed plants the same year all day.</summary>
    public static DateTime TodaysClock() => LocalTime.StartOfDayUtc(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)));

    public static async Task RunAsync(string provider, string connectionString, int count, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("civicgrid-year-").FullName;
        var file = Path.Combine(folder, "year.db");
        var connection = connectionString.Length > 0 ? connectionString : $"Data Source={file}";
        var host = new BenchHost(provider, connection, Path.Combine(folder, "uploads"));
        // The platform creates the schema and the demo district; it is stopped before planting, so
        // its overdue sweep sees the year only once it is complete.
        await using (host)
        {
            await host.StartAsync();
        }

        var planted = await PlantAsync(host.NewDb, count, seed, TodaysClock());
        var analyze = Stopwatch.StartNew();
        await using (var db = host.NewDb())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"planted {count:N0} events ({provider}, seed {seed}, plant clock {planted.Clock:yyyy-MM-dd HH:mm}Z) in {planted.Took.TotalSeconds:N0} s "
            + $"(writing the rows {planted.Writing.TotalSeconds:N0} s), ANALYZE {analyze.Elapsed.TotalSeconds:N0} s");
        await using (var db = host.NewDb())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await ReportAsync(db, provider, file, planted.Tally, planted.Clock);
        }
    }

    /// <summary>
    /// Plants <paramref name="count"/> events of the year ending at <paramref name="clock"/> into a
    /// database the platform has created and seeded, while the platform is not running on it; other
    /// benchmarks plant with this and then start the platform to measure on the year.
    /// </summary>
    public static async Task<Planted> PlantAsync(Func<CivicGridDb> newDb, int count, int seed, DateTime clock)
    {
        var took = Stopwatch.StartNew();
        var writing = new Stopwatch();
        await using var db = newDb();
        var world = await YearWorld.LoadAsync(db, seed);
        var firstId = (await db.Events.MaxAsync(e => (long?)e.Id) ?? 0) + 1;
        var year = new EventYear(world, seed, clock, firstId, residents: Math.Max(1000, count / 20));
        var writer = new YearWriter(db);
        await writer.WriteResidentsAsync(year.Residents);

        var schedule = year.Schedule(count);
        var batch = new List<PlantedEvent>(Batch + 1);
        var planted = 0;
        // A duplicate takes the place of the next report in the schedule, so the year keeps its length.
        for (var i = 0; planted < count; i++)
        {
            var produced = year.Plant(schedule[i].At, schedule[i].Source, mayHaveDuplicate: planted + 1 < count).ToList();
            batch.AddRange(produced);
            planted += produced.Count;
            i += produced.Count - 1;

            if (batch.Count >= Batch || planted >= count)
            {
                writing.Start();
                await writer.WriteAsync(batch);
                writing.Stop();
                batch.Clear();
                if (planted / 100_000 != (planted - Batch) / 100_000)
                {
                    Console.Error.WriteLine($"  {planted:N0} events planted, {took.Elapsed.TotalSeconds:N0} s");
                }
            }
        }

        foreach (var (y, next) in world.NumberCounters)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "EventNumberCounters" ("Year", "Next") VALUES ({y}, {next})
                ON CONFLICT ("Year") DO UPDATE SET "Next" = {next}
                """);
        }

        if (db.Database.IsNpgsql())
        {
            // Rows came with their ids: the identity continues after them.
            await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('"Events"', 'Id'), (SELECT MAX("Id") FROM "Events"))""");
        }

        return new Planted(clock, took.Elapsed, writing.Elapsed, year.Tally);
    }

    private static async Task ReportAsync(CivicGridDb db, string provider, string file, YearTally tally, DateTime now)
    {
        var size = provider == "Postgres"
            ? (await db.Database.SqlQueryRaw<long>("""SELECT pg_database_size(current_database()) AS "Value" """).ToListAsync()).Single()
            : new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        Console.WriteLine($"database size: {size / 1024.0 / 1024.0:N0} MiB");

        var events = await db.Events.CountAsync();
        var entries = await db.TimelineEntries.CountAsync();
        Console.WriteLine($"rows: {events:N0} events, {entries:N0} timeline entries ({(double)entries / events:N1} an event), "
            + $"{await db.Set<EventAssignment>().CountAsync():N0} assignments, {await db.Evaluations.CountAsync():N0} evaluations, "
            + $"{await db.Callbacks.CountAsync():N0} callbacks, {await db.SupervisionOrders.CountAsync():N0} supervision orders, "
            + $"{await db.OverdueNotices.CountAsync():N0} overdue notices, {await db.Residents.CountAsync():N0} residents");
        Console.WriteLine($"steps: {tally.Steps:N0} started, {tally.OverdueSteps:N0} overdue ({100.0 * tally.OverdueSteps / Math.Max(1, tally.Steps):N1} %); {tally.Reopened:N0} reopened, {tally.Merged:N0} merged");

        Console.WriteLine();
        Console.WriteLine("| status | events |");
        Console.WriteLine("|---|---|");
        foreach (var row in await db.Events.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).OrderBy(r => r.Key).ToListAsync())
        {
            Console.WriteLine($"| {row.Key} | {row.Count:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine("| source | events | solved on the spot |");
        Console.WriteLine("|---|---|---|");
        var solved = await db.TimelineEntries.Where(t => t.Action == EventAction.SolveOnSpot).Select(t => t.EventId).ToHashSetAsync();
        foreach (var row in await db.Events.GroupBy(e => e.Source).Select(g => new { g.Key, Count = g.Count() }).OrderBy(r => r.Key).ToListAsync())
        {
            var spot = row.Key == EventSource.GridPatrol ? $"{solved.Count:N0} ({100.0 * solved.Count / events:N1} % of all)" : "";
            Console.WriteLine($"| {row.Key} | {row.Count:N0} | {spot} |");
        }

        Console.WriteLine();
        Console.WriteLine("| action | timeline entries |");
        Console.WriteLine("|---|---|");
        foreach (var row in await db.TimelineEntries.GroupBy(t => t.Action).Select(g => new { g.Key, Count = g.Count() }).OrderBy(r => r.Key).ToListAsync())
        {
            Console.WriteLine($"| {row.Key} | {row.Count:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine("| month (China) | reported |");
        Console.WriteLine("|---|---|");
        var months = (await db.Events.Select(e => e.ReportedAt).ToListAsync())
            .GroupBy(at => LocalTime.DayOf(at).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key);
        foreach (var month in months)
        {
            Console.WriteLine($"| {month.Key} | {month.Count():N0} |");
        }

        Console.WriteLine();
        var finished = new[] { EventStatus.Closed, EventStatus.Evaluated };
        var closing = new[] { EventAction.Verify, EventAction.Close, EventAction.SolveOnSpot };
        var open = new[] { EventStatus.Reported, EventStatus.Registered, EventStatus.Dispatched, EventStatus.Handling, EventStatus.AwaitingVerification };
        var checks = new (string What, IQueryable<Event> Failing)[]
        {
            ("closed or evaluated without a closing entry (verify, close, solved on the spot)",
                db.Events.Where(e => finished.Contains(e.Status) && !db.TimelineEntries.Any(t => t.EventId == e.Id && closing.Contains(t.Action)))),
            ("closed or evaluated without ClosedAt, or a deadline still running",
                db.Events.Where(e => finished.Contains(e.Status) && (e.ClosedAt == null || e.StepDeadline != null || e.HolderUnitId != null))),
            ("closed before the last closing entry",
                db.Events.Where(e => finished.Contains(e.Status) && db.TimelineEntries.Any(t => t.EventId == e.Id && closing.Contains(t.Action) && t.At > e.ClosedAt))),
            ("open without a holder or a step deadline, or with ClosedAt",
                db.Events.Where(e => open.Contains(e.Status) && (e.HolderUnitId == null || e.StepDeadline == null || e.ClosedAt != null))),
            ("status differs from the last status-changing entry",
                db.Events.Where(e => db.TimelineEntries.Where(t => t.EventId == e.Id && t.FromStatus != t.ToStatus || t.EventId == e.Id && t.FromStatus == null)
                    .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => t.ToStatus).FirstOrDefault() != e.Status)),
            ("an Overdue entry not after the report, or after the closing",
                db.Events.Where(e => db.TimelineEntries.Any(t => t.EventId == e.Id && t.Action == EventAction.Overdue && (t.At <= e.ReportedAt || e.ClosedAt != null && t.At > e.ClosedAt)))),
            ("an Overdue entry in another status than the step it ended (the last status-changing entry before it)",
                db.Events.Where(e => db.TimelineEntries.Any(o => o.EventId == e.Id && o.Action == EventAction.Overdue
                    && db.TimelineEntries.Where(s => s.EventId == e.Id && s.At < o.At && (s.FromStatus != s.ToStatus || s.FromStatus == null))
                        .OrderByDescending(s => s.At).Select(s => s.ToStatus).FirstOrDefault() != o.ToStatus))),
            ("open past its deadline at the plant clock with the passing not recorded",
                db.Events.Where(e => e.StepDeadline != null && e.StepDeadline < now && e.OverdueNoticedFor != e.StepDeadline)),
            ("ReworkCount differs from the Rework entries",
                db.Events.Where(e => e.ReworkCount != db.TimelineEntries.Count(t => t.EventId == e.Id && t.Action == EventAction.Rework))),
            ("evaluated without a satisfaction or a round rating",
                db.Events.Where(e => e.Status == EventStatus.Evaluated && (e.Satisfaction == null || !db.Evaluations.Any(v => v.EventId == e.Id && v.IsRoundRating)))),
            ("merged without the event it went into, or that event without a MergedIn entry",
                db.Events.Where(e => e.Status == EventStatus.Merged && (e.MergedIntoId == null || !db.TimelineEntries.Any(t => t.EventId == e.MergedIntoId && t.Action == EventAction.MergedIn)))),
            ("dispatched (ever) without a dispatching centre",
                db.Events.Where(e => e.DispatchingCentreId == null && db.TimelineEntries.Any(t => t.EventId == e.Id && t.Action == EventAction.Dispatch))),
            ("held by a department other than its pending lead",
                db.Events.Where(e => (e.Status == EventStatus.Dispatched || e.Status == EventStatus.Handling) && e.DispatchingCentreId != null && e.HolderUnitId == e.HandlerUnitId
                    && !db.Set<EventAssignment>().Any(a => a.EventId == e.Id && a.DepartmentId == e.HolderUnitId && a.Status == AssignmentStatus.Pending && a.Role == AssignmentRole.Lead))),
            ("a callback on an event never closed, or without a reporter's number",
                db.Events.Where(e => db.Callbacks.Any(c => c.EventId == e.Id) && (e.ReporterPhone == null || !db.TimelineEntries.Any(t => t.EventId == e.Id && closing.Contains(t.Action))))),
            ("a supervision order issued before the report or after the closing",
                db.Events.Where(e => db.SupervisionOrders.Any(o => o.EventId == e.Id && (o.IssuedAt <= e.ReportedAt || e.ClosedAt != null && o.IssuedAt > e.ClosedAt)))),
        };

        // Every value read back through the platform's model and its converters, as its pages would.
        var recent = await db.Events.AsNoTracking().Include(e => e.Timeline).Include(e => e.Assignments).Include(e => e.CoReporters)
            .OrderByDescending(e => e.Id).Take(500).AsSplitQuery().ToListAsync();
        var readBack = (await db.Callbacks.AsNoTracking().OrderByDescending(c => c.Id).Take(500).ToListAsync()).Count
            + (await db.SupervisionOrders.AsNoTracking().OrderByDescending(o => o.Id).Take(500).ToListAsync()).Count
            + (await db.OverdueNotices.AsNoTracking().OrderByDescending(n => n.Id).Take(500).ToListAsync()).Count
            + (await db.Evaluations.AsNoTracking().OrderByDescending(v => v.Id).Take(500).ToListAsync()).Count;
        Console.WriteLine($"read back through the model: {recent.Count} events with {recent.Sum(e => e.Timeline.Count + e.Assignments.Count + e.CoReporters.Count):N0} timeline, assignment and co-reporter rows, {readBack:N0} other rows");

        var failures = 0;
        Console.WriteLine("| check | failing events |");
        Console.WriteLine("|---|---|");
        foreach (var (what, failing) in checks)
        {
            var n = await failing.CountAsync();
            failures += n;
            Console.WriteLine($"| {what} | {n:N0} |");
        }

        var orders = await db.SupervisionOrders.GroupBy(o => o.Outcome).Select(g => new { g.Key, Count = g.Count() }).OrderBy(r => r.Key).ToListAsync();
        var callbacks = await db.Callbacks.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).OrderBy(r => r.Key).ToListAsync();
        var ratings = await db.Evaluations.GroupBy(v => new { v.Source, v.Satisfaction }).Select(g => new { g.Key.Source, g.Key.Satisfaction, Count = g.Count() }).OrderBy(r => r.Source).ThenBy(r => r.Satisfaction).ToListAsync();
        var residentsClosed = await db.Events.CountAsync(e => e.ReporterPhone != null && e.ClosedAt != null);
        var residentsRated = await db.Events.CountAsync(e => e.ReporterPhone != null && db.Evaluations.Any(v => v.EventId == e.Id && v.Source == EvaluationSource.Reporter));
        Console.WriteLine();
        Console.WriteLine($"supervision orders by outcome: {string.Join(", ", orders.Select(o => $"{o.Key} {o.Count:N0}"))}");
        Console.WriteLine($"callbacks by status: {string.Join(", ", callbacks.Select(c => $"{c.Key} {c.Count:N0}"))}");
        Console.WriteLine($"evaluations: {string.Join(", ", ratings.Select(r => $"{r.Source}/{r.Satisfaction} {r.Count:N0}"))}");
        Console.WriteLine($"residents' reports closed now: {residentsClosed:N0}, rated by the reporter: {residentsRated:N0} ({100.0 * residentsRated / Math.Max(1, residentsClosed):N1} %)");
        Console.WriteLine(failures == 0 ? "consistency: every check passed" : $"consistency: {failures:N0} failing events");
    }
}

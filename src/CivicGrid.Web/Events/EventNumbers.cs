using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events;

/// <summary>
/// Hands out readable event numbers (2026-000123). One upsert statement, valid on SQLite and
/// PostgreSQL alike, increments the year's counter atomically; it runs in its own short
/// transaction so concurrent reports do not queue behind each other's inserts. A report that
/// then fails leaves a gap, which is harmless.
/// </summary>
public sealed class EventNumbers(CivicGridDb db)
{
    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        var next = await db.Database
            .SqlQuery<int>($"""
                INSERT INTO "EventNumberCounters" ("Year", "Next") VALUES ({year}, 1)
                ON CONFLICT ("Year") DO UPDATE SET "Next" = "EventNumberCounters"."Next" + 1
                RETURNING "Next" AS "Value"
                """)
            .ToListAsync(ct);
        return Format(year, next.Single());
    }

    public static string Format(int year, int sequence) => $"{year}-{sequence:D6}";
}

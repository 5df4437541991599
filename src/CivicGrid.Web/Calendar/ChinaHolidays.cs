using System.Globalization;
using CivicGrid.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Calendar;

/// <summary>
/// The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知) as standard
/// reference data, planted into an empty calendar at start-up whether or not demo data is wanted:
/// deadlines are wrong without them. Administrators enter later years on the calendar page.
/// </summary>
public static class ChinaHolidays
{
    private static readonly (string Name, string FirstDay, string LastDay, string[] Workdays)[] Schedules =
    [
        ("元旦", "2025-01-01", "2025-01-01", []),
        ("春节", "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
        ("清明节", "2025-04-04", "2025-04-06", []),
        ("劳动节", "2025-05-01", "2025-05-05", ["2025-04-27"]),
        ("端午节", "2025-05-31", "2025-06-02", []),
        ("国庆节、中秋节", "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]),

        ("元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
        ("春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
        ("清明节", "2026-04-04", "2026-04-06", []),
        ("劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
        ("端午节", "2026-06-19", "2026-06-21", []),
        ("中秋节", "2026-09-25", "2026-09-27", []),
        ("国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ];

    public static IEnumerable<CalendarDay> Days()
    {
        foreach (var (name, first, last, workdays) in Schedules)
        {
            for (var day = DateOnly.Parse(first, CultureInfo.InvariantCulture); day <= DateOnly.Parse(last, CultureInfo.InvariantCulture); day = day.AddDays(1))
            {
                yield return new CalendarDay { Date = day, Kind = CalendarDayKind.Holiday, Name = name };
            }

            foreach (var workday in workdays)
            {
                yield return new CalendarDay { Date = DateOnly.Parse(workday, CultureInfo.InvariantCulture), Kind = CalendarDayKind.Workday, Name = name };
            }
        }
    }

    /// <summary>Plants the schedules into an empty calendar; a calendar an administrator has touched is left alone.</summary>
    public static async Task SeedAsync(CivicGridDb db, CancellationToken ct)
    {
        if (await db.CalendarDays.AnyAsync(ct))
        {
            return;
        }

        db.CalendarDays.AddRange(Days());
        await db.SaveChangesAsync(ct);
    }
}

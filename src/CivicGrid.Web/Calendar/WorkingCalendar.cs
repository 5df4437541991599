using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Calendar;

/// <summary>
/// Which Beijing calendar days are working days, in memory as a reference snapshot: every report
/// and transition of a working-time category asks it, and the schedule changes once a year.
/// </summary>
/// <remarks>
/// The working-time rule (docs/decisions/0009-working-time.md): the clock runs through whole
/// working days, midnight to midnight, and stops at the midnight before a rest day, restarting at
/// the midnight after it. A step started on a rest day starts counting at the next working day.
/// </remarks>
public sealed class WorkingCalendar(IEnumerable<CalendarDay> days)
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);

    public bool IsWorkingDay(DateOnly day) => _exceptions.TryGetValue(day, out var kind)
        ? kind == CalendarDayKind.Workday
        : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The instant <paramref name="duration"/> of working time after <paramref name="fromUtc"/>.</summary>
    public DateTime AddWorkingTime(DateTime fromUtc, TimeSpan duration)
    {
        var at = fromUtc;
        var day = LocalTime.DayOf(fromUtc);
        var remaining = duration;
        // Ends: every year has weekdays, and dates beyond the entered schedule follow the weekly rule.
        while (true)
        {
            var nextMidnight = LocalTime.StartOfDayUtc(day.AddDays(1));
            if (IsWorkingDay(day))
            {
                var left = nextMidnight - at;
                if (remaining <= left)
                {
                    return at + remaining;
                }

                remaining -= left;
            }

            day = day.AddDays(1);
            at = nextMidnight;
        }
    }

    public static async Task<WorkingCalendar> LoadAsync(IServiceProvider services, CancellationToken ct) =>
        new(await services.GetRequiredService<CivicGridDb>().CalendarDays.AsNoTracking().ToListAsync(ct));
}

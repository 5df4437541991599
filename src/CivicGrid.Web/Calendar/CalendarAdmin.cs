using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Calendar;

public sealed record CalendarDayRow(DateOnly Date, DayOfWeek Weekday, CalendarDayKind Kind, string Name);

/// <summary>A year of the calendar: its holidays and adjusted working days, and how many working days it has.</summary>
/// <param name="UnscheduledYears">This year or the coming one, when no holiday is entered for it yet.</param>
public sealed record CalendarYear(int Year, int WorkingDays, int HolidayCount, int WorkdayCount, bool MayEdit, IReadOnlyList<CalendarDayRow> Days, IReadOnlyList<int> UnscheduledYears);

public sealed record CalendarDayRequest(DateOnly? Date, CalendarDayKind? Kind, string? Name);

public sealed record CalendarDayEdit(CalendarDayKind? Kind, string? Name);

/// <summary>
/// Administrators keep the calendar year by year. It is one calendar for the whole platform, so
/// only an administrator of a district changes it: a street's administrator would otherwise move
/// every other street's deadlines.
/// </summary>
public sealed class CalendarAdmin(CivicGridDb db, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static bool MayEdit(Caller caller) => Administrators.IsFor(caller) && caller.UnitKind == OrgUnitKind.District;

    public async Task<CalendarYear> YearAsync(int year, Caller caller, CancellationToken ct)
    {
        Administrators.ScopeOf(caller);
        CheckYear(year);
        var (first, last) = Bounds(year);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct);
        var calendar = new WorkingCalendar(days);
        var workingDays = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Count(i => calendar.IsWorkingDay(first.AddDays(i)));

        var thisYear = LocalTime.Today(clock).Year;
        var unscheduled = new List<int>();
        foreach (var y in new[] { thisYear, thisYear + 1 })
        {
            var (from, to) = Bounds(y);
            if (!await db.CalendarDays.AnyAsync(d => d.Date >= from && d.Date <= to && d.Kind == CalendarDayKind.Holiday, ct))
            {
                unscheduled.Add(y);
            }
        }

        return new CalendarYear(
            year, workingDays, days.Count(d => d.Kind == CalendarDayKind.Holiday), days.Count(d => d.Kind == CalendarDayKind.Workday), MayEdit(caller),
            days.Select(Row).ToList(), unscheduled);
    }

    public async Task<CalendarDayRow> AddAsync(int year, CalendarDayRequest request, Caller caller, CancellationToken ct)
    {
        Editor(caller);
        var check = Check(year, request.Date, request.Kind, request.Name);
        var taken = request.Date is { } date && await db.CalendarDays.AnyAsync(d => d.Date == date, ct);
        check.Require(!taken, "date", "Calendar.DateTaken");
        check.ThrowIfInvalid();

        var day = new CalendarDay { Date = request.Date!.Value, Kind = request.Kind!.Value, Name = request.Name!.Trim() };
        db.CalendarDays.Add(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator entered the same date between the check and the save.
            throw DomainException.Conflict("Calendar.DateTaken");
        }

        return Row(day);
    }

    public async Task<CalendarDayRow> UpdateAsync(int year, DateOnly date, CalendarDayEdit edit, Caller caller, CancellationToken ct)
    {
        Editor(caller);
        Check(year, date, edit.Kind, edit.Name).ThrowIfInvalid();
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct) ?? throw DomainException.NotFound();
        day.Kind = edit.Kind!.Value;
        day.Name = edit.Name!.Trim();
        await db.SaveChangesAsync(ct);
        return Row(day);
    }

    public async Task RemoveAsync(int year, DateOnly date, Caller caller, CancellationToken ct)
    {
        Editor(caller);
        CheckYear(year);
        new Validation().Require(InYear(year, date), "date", "Calendar.OutsideYear").ThrowIfInvalid();
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct) ?? throw DomainException.NotFound();
        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
    }

    private static void Editor(Caller caller)
    {
        Administrators.ScopeOf(caller);
        if (!MayEdit(caller))
        {
            throw DomainException.Forbidden("Calendar.DistrictAdministratorsOnly");
        }
    }

    private static void CheckYear(int year) =>
        new Validation().Require(year is >= FirstYear and <= LastYear, "year", "Calendar.YearOutOfRange").ThrowIfInvalid();

    private static Validation Check(int year, DateOnly? date, CalendarDayKind? kind, string? name)
    {
        CheckYear(year);
        var check = new Validation()
            .Require(date is not null, "date", "Validation.Required")
            .Require(date is not { } d || InYear(year, d), "date", "Calendar.OutsideYear")
            .Require(kind is not null, "kind", "Validation.Required")
            .Require(kind is null || Enum.IsDefined(kind.Value), "kind", "Validation.UnknownValue")
            .Text(name, "name", CalendarDayConfiguration.NameMaxLength);
        // An adjusted working day makes a rest day a working one; on a weekday it would change nothing.
        check.Require(kind != CalendarDayKind.Workday || date is not { DayOfWeek: not (DayOfWeek.Saturday or DayOfWeek.Sunday) }, "kind", "Calendar.WorkdayNotWeekend");
        return check;
    }

    private static bool InYear(int year, DateOnly date) => date.Year == year;

    private static (DateOnly First, DateOnly Last) Bounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    private static CalendarDayRow Row(CalendarDay d) => new(d.Date, d.Date.DayOfWeek, d.Kind, d.Name);
}

using System.Globalization;
using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Web.Calendar;

/// <summary>The working-day calendar, year by year: public holidays and adjusted working days.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/admin/calendar").WithTags("Calendar").RequireStaffApi().RequireAdministrator();
        api.MapGet("/{year:int}", YearAsync).WithSummary("A year's holidays and adjusted working days, and its number of working days");
        api.MapPost("/{year:int}/days", AddAsync).WithSummary("Mark a date as a public holiday or an adjusted working day (district administrators)");
        api.MapPut("/{year:int}/days/{date}", UpdateAsync).WithSummary("Change a marked date's kind or name (district administrators)");
        api.MapDelete("/{year:int}/days/{date}", RemoveAsync).WithSummary("Unmark a date: it follows the weekly rule again (district administrators)");
        return api;
    }

    private static async Task<Ok<CalendarYear>> YearAsync(int year, CalendarAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.YearAsync(year, await callers.GetAsync(ct), ct));

    private static async Task<Created<CalendarDayRow>> AddAsync(int year, CalendarDayRequest request, CalendarAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        var day = await admin.AddAsync(year, request, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/admin/calendar/{year}/days/{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", day);
    }

    private static async Task<Ok<CalendarDayRow>> UpdateAsync(int year, DateOnly date, CalendarDayEdit edit, CalendarAdmin admin, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await admin.UpdateAsync(year, date, edit, await callers.GetAsync(ct), ct));

    private static async Task<NoContent> RemoveAsync(int year, DateOnly date, CalendarAdmin admin, CallerAccessor callers, CancellationToken ct)
    {
        await admin.RemoveAsync(year, date, await callers.GetAsync(ct), ct);
        return TypedResults.NoContent();
    }
}

using System.Net;
using System.Net.Http.Json;
using CivicGrid.Web.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CivicGrid.Tests.Infrastructure;

/// <summary>The working-day calendar through the administration API, and Beijing wall-clock times for tests.</summary>
public static class CalendarClient
{
    public static DateTime Beijing(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).UtcDateTime;

    /// <summary>Sets the platform's clock to a Beijing time, before anyone signs in (tokens carry their issue time).</summary>
    public static void SetBeijing(this FakeTimeProvider clock, int year, int month, int day, int hour, int minute = 0) =>
        clock.AdjustTime(new DateTimeOffset(Beijing(year, month, day, hour, minute), TimeSpan.Zero));

    public static async Task<CalendarYear> CalendarYearAsync(this HttpClient client, int year) =>
        await (await client.GetAsync($"/api/v1/admin/calendar/{year}")).ShouldBe<CalendarYear>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryMarkDayAsync(this HttpClient client, int year, string date, string kind, string name) =>
        client.PostAsJsonAsync($"/api/v1/admin/calendar/{year}/days", new { date, kind, name });

    public static async Task<CalendarDayRow> MarkDayAsync(this HttpClient client, int year, string date, string kind, string name) =>
        await (await client.TryMarkDayAsync(year, date, kind, name)).ShouldBe<CalendarDayRow>(HttpStatusCode.Created);

    public static Task<int> CategoryIdAsync(this CivicGridFactory app, string code) =>
        app.QueryAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
}

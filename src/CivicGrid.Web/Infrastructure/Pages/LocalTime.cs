namespace CivicGrid.Web.Infrastructure.Pages;

/// <summary>Times are stored in UTC; staff read them in Beijing time whatever the server's zone.</summary>
public static class LocalTime
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static string Show(DateTime? utc) =>
        utc is { } value
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Shanghai).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : "—";

    /// <summary>A Beijing time typed into a form (datetime-local), as the UTC instant it names.</summary>
    public static DateTime ToUtc(DateTime beijing) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(beijing, DateTimeKind.Unspecified), Shanghai);

    /// <summary>A UTC instant as a datetime-local input's value in Beijing time.</summary>
    public static string ForInput(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The calendar day it is now in Beijing.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, Shanghai));

    /// <summary>The Beijing calendar day an instant (UTC) falls on.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Shanghai));

    /// <summary>The instant (UTC) a Beijing calendar day begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Shanghai);
}

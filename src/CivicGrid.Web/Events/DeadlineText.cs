using CivicGrid.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Events;

/// <summary>A step's deadline as people say it: "还剩 1天3小时", "已超期 20分钟".</summary>
public static class DeadlineText
{
    public static string Remaining(this IStringLocalizer<Text> text, DateTime deadlineUtc, DateTime nowUtc) =>
        deadlineUtc >= nowUtc
            ? text["Page.Deadline.Left", Span(text, deadlineUtc - nowUtc)]
            : text["Page.Deadline.Late", Span(text, nowUtc - deadlineUtc)];

    /// <summary>Days and hours, or hours and minutes under a day; nobody needs the seconds.</summary>
    private static string Span(IStringLocalizer<Text> text, TimeSpan span)
    {
        var days = (int)span.TotalDays;
        if (days > 0)
        {
            return span.Hours > 0 ? $"{text["Page.Duration.Days", days]}{text["Page.Duration.Hours", span.Hours]}" : text["Page.Duration.Days", days];
        }

        return span.Hours > 0
            ? $"{text["Page.Duration.Hours", span.Hours]}{(span.Minutes > 0 ? text["Page.Duration.Minutes", span.Minutes] : "")}"
            : text["Page.Duration.Minutes", Math.Max(1, span.Minutes)];
    }
}

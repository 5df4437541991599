using CivicGrid.Web.Infrastructure.Caching;

namespace CivicGrid.Web.Calendar;

public static class CalendarServices
{
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services) =>
        services
            .AddReferenceSnapshot(WorkingCalendar.LoadAsync, typeof(CalendarDay))
            .AddScoped<CalendarAdmin>();
}

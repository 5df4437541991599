namespace CivicGrid.Web.Calendar;

/// <summary>
/// A dated exception to "Monday to Friday work, weekends rest": a public holiday (法定节假日)
/// or an adjusted working day (调休上班). Dates are Beijing calendar days.
/// </summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    /// <summary>The holiday it belongs to, e.g. 春节; an adjusted working day carries the name of the holiday it makes up for.</summary>
    public required string Name { get; set; }
}

public enum CalendarDayKind
{
    /// <summary>法定节假日: a rest day, even on a weekday.</summary>
    Holiday = 1,
    /// <summary>调休上班: a weekend day that is a working day.</summary>
    Workday = 2,
}

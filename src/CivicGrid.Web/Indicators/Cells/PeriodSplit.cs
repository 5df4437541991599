namespace CivicGrid.Web.Indicators.Cells;

/// <summary>
/// Which of a period's figures come from the stored cells and which from the outcome rows: the
/// cells hold whole months, so they answer every month the period covers whole (the month of
/// today counts as whole when the period runs to today, since nothing lies after today), and
/// the rows answer the days left at either end.
/// </summary>
public sealed record PeriodSplit(IReadOnlyList<int> Months, IReadOnlyList<(DateOnly From, DateOnly To)> Days)
{
    public static PeriodSplit Of(DateOnly from, DateOnly to, DateOnly today)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        if (first < from)
        {
            first = first.AddMonths(1);
        }

        var months = new List<int>();
        var month = first;
        while (month <= to && (month.AddMonths(1).AddDays(-1) <= to || to >= today))
        {
            months.Add(month.Year * 100 + month.Month);
            month = month.AddMonths(1);
        }

        if (months.Count == 0)
        {
            return new PeriodSplit([], [(from, to)]);
        }

        var days = new List<(DateOnly, DateOnly)>();
        if (from < first)
        {
            days.Add((from, first.AddDays(-1)));
        }

        if (month.AddDays(-1) < to)
        {
            days.Add((month, to));
        }

        return new PeriodSplit(months, days);
    }
}

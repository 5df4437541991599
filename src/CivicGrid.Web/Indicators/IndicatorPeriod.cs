namespace CivicGrid.Web.Indicators;

/// <summary>The period presets of the dashboard's form, as China days ending today at the latest.</summary>
public static class IndicatorPeriod
{
    public const string Month = "month";
    public const string LastMonth = "last-month";
    public const string Quarter = "quarter";
    public const string Year = "year";
    public const string Custom = "custom";

    public static readonly IReadOnlyList<string> Presets = [Month, LastMonth, Quarter, Year, Custom];

    /// <summary>The days of a preset; null for <see cref="Custom"/> or an unknown name, where the form's dates apply.</summary>
    public static (DateOnly From, DateOnly To)? Of(string? preset, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            Month => (month, today),
            LastMonth => (month.AddMonths(-1), month.AddDays(-1)),
            Quarter => (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
            Year => (new DateOnly(today.Year, 1, 1), today),
            _ => null,
        };
    }

    /// <summary>The preset that names these days exactly, else <see cref="Custom"/>.</summary>
    public static string Naming(DateOnly from, DateOnly to, DateOnly today) =>
        Presets.FirstOrDefault(p => Of(p, today) == (from, to)) ?? Custom;
}

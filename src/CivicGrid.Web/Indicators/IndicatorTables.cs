using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>A number of the dashboard and the drill-down cell it opens; null for counts of orders, which list no events.</summary>
public sealed record IndicatorCount(int Value, Indicator? DrillsInto);

/// <summary>
/// One line of the totals table: a count, or a share with the counts it is drawn from (the
/// share opens its numerator). The page and the .xlsx show the same lines.
/// </summary>
public sealed record TotalLine(string LabelKey, IndicatorCount Count, IndicatorCount? Of = null, double? Share = null)
{
    public bool IsShare => Of is not null;
}

/// <summary>A column of a breakdown table: a count, or a share that opens its numerator.</summary>
public sealed record BreakdownColumn(string HeaderKey, Indicator DrillsInto, Func<IndicatorFigures, int> Count, Func<IndicatorFigures, double?>? Share = null);

/// <summary>What the dashboard and its .xlsx show, in order, and how numbers are written there.</summary>
public static class IndicatorTables
{
    public static readonly IReadOnlyList<BreakdownColumn> BreakdownColumns =
    [
        new("Indicators.Figure.Received", Indicator.Received, f => f.Received),
        new("Indicators.Figure.Accepted", Indicator.Accepted, f => f.Accepted),
        new("Indicators.Figure.Closed", Indicator.Closed, f => f.Closed),
        new("Indicators.Figure.ClosureRate", Indicator.Closed, f => f.Closed, f => f.ClosureRate),
        new("Indicators.Figure.OnTimeRate", Indicator.ClosedOnTime, f => f.ClosedOnTime, f => f.OnTimeRate),
        new("Indicators.Figure.SatisfactionRate", Indicator.RatedSatisfied, f => f.RatedSatisfied, f => f.SatisfactionRate),
        new("Indicators.Figure.ClosedInPeriod", Indicator.ClosedInPeriod, f => f.ClosedInPeriod),
    ];

    public static IReadOnlyList<TotalLine> Totals(IndicatorReport report)
    {
        var t = report.Totals;
        IndicatorCount Of(Indicator indicator, int value) => new(value, indicator);
        IndicatorCount Orders(int value) => new(value, null);
        return
        [
            new("Indicators.Figure.Received", Of(Indicator.Received, t.Received)),
            new("Indicators.Figure.Accepted", Of(Indicator.Accepted, t.Accepted)),
            new("Indicators.Figure.Closed", Of(Indicator.Closed, t.Closed)),
            new("Indicators.Figure.ClosureRate", Of(Indicator.Closed, t.Closed), Of(Indicator.Received, t.Received), t.ClosureRate),
            new("Indicators.Figure.OnTimeRate", Of(Indicator.ClosedOnTime, t.ClosedOnTime), Of(Indicator.Closed, t.Closed), t.OnTimeRate),
            new("Indicators.Figure.SolvedOnSpot", Of(Indicator.SolvedOnSpot, t.SolvedOnSpot), Of(Indicator.Received, t.Received), t.SolvedOnSpotShare),
            new("Indicators.Figure.ReturnRate", Of(Indicator.Returned, t.Returned), Of(Indicator.Dispatched, t.Dispatched), t.ReturnRate),
            new("Indicators.Figure.ReworkRate", Of(Indicator.Reworked, t.Reworked), Of(Indicator.ReachedVerification, t.ReachedVerification), t.ReworkRate),
            new("Indicators.Figure.SatisfactionRate", Of(Indicator.RatedSatisfied, t.RatedSatisfied), Of(Indicator.Rated, t.Rated), t.SatisfactionRate),
            new("Indicators.Figure.CallbackSatisfactionRate", Of(Indicator.CallbacksSatisfied, t.CallbacksSatisfied), Of(Indicator.CallbacksReached, t.CallbacksReached), t.CallbackSatisfactionRate),
            new("Indicators.Figure.Supervised", Of(Indicator.Supervised, t.Supervised)),
            new("Indicators.Figure.SupervisionLate", Of(Indicator.SupervisionLate, t.SupervisionLate), Of(Indicator.Supervised, t.Supervised), t.SupervisionLateShare),
            new("Indicators.Figure.OrdersIssued", Orders(t.Orders.Issued)),
            new("Indicators.Figure.OrdersAnsweredOnTime", Orders(t.Orders.AnsweredOnTime)),
            new("Indicators.Figure.OrdersAnsweredLate", Orders(t.Orders.AnsweredLate)),
            new("Indicators.Figure.OrdersUnanswered", Orders(t.Orders.Unanswered)),
            new("Indicators.Figure.OrdersConcluded", Orders(t.Orders.Concluded)),
            new("Indicators.Figure.OverdueNow", Of(Indicator.OverdueNow, report.OverdueNow)),
            new("Indicators.Figure.ClosedInPeriod", Of(Indicator.ClosedInPeriod, t.ClosedInPeriod)),
        ];
    }

    /// <summary>The breakdowns in the order shown, with the row header and the drill-down's <c>by</c>.</summary>
    public static IEnumerable<(Breakdown By, string TitleKey, string RowHeaderKey, IReadOnlyList<IndicatorRow> Rows)> Breakdowns(IndicatorReport report)
    {
        yield return (Breakdown.Category, "Indicators.ByCategory", "Indicators.Column.Category", report.ByCategory);
        yield return (Breakdown.Source, "Indicators.BySource", "Indicators.Column.Source", report.BySource);
        if (report.ByPlace.Count > 0)
        {
            yield return (Breakdown.Place, "Indicators.ByPlace", "Indicators.Column.Place", report.ByPlace);
        }

        yield return (Breakdown.Trend, $"Indicators.Trend.{report.TrendBy}", $"Indicators.Column.{report.TrendBy}", report.Trend);
    }

    /// <summary>A share as a percentage with one decimal; "—" when there was nothing to divide by.</summary>
    public static string Percent(double? share) =>
        share is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Minutes as a person reads them: "3天4小时", "2小时5分", "40分钟".</summary>
    public static string Duration(IStringLocalizer text, double? minutes)
    {
        if (minutes is not { } value)
        {
            return "—";
        }

        var whole = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        return whole switch
        {
            >= 24 * 60 => text["Indicators.Duration.Days", whole / (24 * 60), whole % (24 * 60) / 60],
            >= 60 => text["Indicators.Duration.Hours", whole / 60, whole % 60],
            _ => text["Indicators.Duration.Minutes", whole],
        };
    }
}

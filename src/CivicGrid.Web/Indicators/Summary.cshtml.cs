using System.Globalization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>A figure of the summary's first table, compared with the month before.</summary>
/// <param name="Name">The indicator's name in the figures (and in the page's test ids).</param>
/// <param name="IsShare">A share: shown as a percentage, its difference in percentage points.</param>
public sealed record SummaryFigure(string Name, Func<IndicatorFigures, double?> Value, bool IsShare);

/// <summary>
/// 月度简报: one unit's month on A4 — the totals (the dashboard's figures for that month), the time
/// each step took, the breakdowns, and the difference from the month before; printed from the
/// browser (css/indicators-summary.css has the print layout).
/// </summary>
[Authorize]
public sealed class SummaryModel(IndicatorQueries indicators, CallerAccessor callers, IStringLocalizer<Text> text, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<SummaryFigure> Figures =
    [
        new(nameof(IndicatorFigures.Received), f => f.Received, false),
        new(nameof(IndicatorFigures.Accepted), f => f.Accepted, false),
        new(nameof(IndicatorFigures.Closed), f => f.Closed, false),
        new(nameof(IndicatorFigures.ClosureRate), f => f.ClosureRate, true),
        new(nameof(IndicatorFigures.ClosedOnTime), f => f.ClosedOnTime, false),
        new(nameof(IndicatorFigures.OnTimeRate), f => f.OnTimeRate, true),
        new(nameof(IndicatorFigures.SolvedOnSpotShare), f => f.SolvedOnSpotShare, true),
        new(nameof(IndicatorFigures.ReturnRate), f => f.ReturnRate, true),
        new(nameof(IndicatorFigures.ReworkRate), f => f.ReworkRate, true),
        new(nameof(IndicatorFigures.Rated), f => f.Rated, false),
        new(nameof(IndicatorFigures.SatisfactionRate), f => f.SatisfactionRate, true),
        new(nameof(IndicatorFigures.CallbacksReached), f => f.CallbacksReached, false),
        new(nameof(IndicatorFigures.CallbackSatisfactionRate), f => f.CallbackSatisfactionRate, true),
        new(nameof(IndicatorFigures.Supervised), f => f.Supervised, false),
        new(nameof(IndicatorFigures.ClosedInPeriod), f => f.ClosedInPeriod, false),
    ];

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    /// <summary>yyyy-MM; default the last full month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly MonthStart { get; private set; }

    public IndicatorReport? Report { get; private set; }

    public IndicatorReport? Previous { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = LocalTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (Month is null)
        {
            MonthStart = thisMonth.AddMonths(-1);
        }
        else if (!DateOnly.TryParseExact($"{Month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year < 2000)
        {
            return Refuse(text["Indicators.Summary.BadMonth", Month]);
        }
        else if (start > thisMonth)
        {
            return Refuse(text["Indicators.Summary.FutureMonth", Month]);
        }
        else
        {
            MonthStart = start;
        }

        Month = MonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        try
        {
            var caller = await callers.GetAsync(ct);
            Report = await indicators.ReportAsync(UnitId, MonthStart, MonthStart.AddMonths(1).AddDays(-1), caller, ct);
            Previous = await indicators.ReportAsync(Report.Unit.Id, MonthStart.AddMonths(-1), MonthStart.AddDays(-1), caller, ct);
            return Page();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status400BadRequest)
        {
            return Refuse(IndicatorPages.Explain(text, refusal));
        }
    }

    public static string Show(SummaryFigure figure, double? value) =>
        value is null ? "—" : figure.IsShare ? IndicatorTables.Percent(value) : ((int)value.Value).ToString(CultureInfo.CurrentCulture);

    /// <summary>"+3", "−2", "0"; for shares in percentage points ("+2.5 个百分点"); a dash when either month has no value.</summary>
    public string Difference(SummaryFigure figure, double? now, double? before)
    {
        if (now is null || before is null)
        {
            return "—";
        }

        var change = figure.IsShare ? Math.Round((now.Value - before.Value) * 100, 1) : now.Value - before.Value;
        var number = change switch
        {
            > 0 => "+" + change.ToString(CultureInfo.CurrentCulture),
            < 0 => "−" + (-change).ToString(CultureInfo.CurrentCulture),
            _ => "0",
        };
        return figure.IsShare ? text["Indicators.Summary.Points", number] : number;
    }

    public static string Minutes(double? minutes) => minutes?.ToString("0.#", CultureInfo.CurrentCulture) ?? "—";

    private PageResult Refuse(string why)
    {
        Refusal = why;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// 数智考评: the indicators of a unit in the caller's reach over a period, as tables (the record)
/// with charts beside them, every count a link to the events behind it, and the same as .xlsx.
/// </summary>
[Authorize]
public sealed class IndexModel(
    IndicatorQueries indicators,
    UnitRanking ranking,
    CallerAccessor callers,
    ReferenceSnapshot<OrganisationTree> organisation,
    IStringLocalizer<Text> text,
    TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>One of <see cref="IndicatorPeriod.Presets"/>; a preset other than custom overrides the dates.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public IReadOnlyList<IndicatorUnitChoice> Units { get; private set; } = [];
    public IndicatorReport? Report { get; private set; }
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    /// <summary>The ranking is linked only while the district's administrator has it turned on.</summary>
    public bool RankingShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Unreadable dates fall back to the defaults rather than failing the page.
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        Units = IndicatorUnitChoices.For(caller, await organisation.GetAsync(ct));
        ApplyPreset();
        try
        {
            Report = await indicators.ReportAsync(UnitId, From, To, caller, ct);
            (UnitId, From, To) = (Report.Unit.Id, Report.From, Report.To);
            Period = IndicatorPeriod.Naming(Report.From, Report.To, LocalTime.Today(clock));
            RankingShown = await ranking.IsEnabledAsync(caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (DomainException refusal)
        {
            Refusals = [IndicatorPages.Explain(text, refusal)];
            Period = IndicatorPeriod.Custom;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        ApplyPreset();
        try
        {
            var report = await indicators.ReportAsync(UnitId, From, To, caller, ct);
            return File(IndicatorWorkbook.Write(report, text), IndicatorWorkbook.ContentType, IndicatorWorkbook.FileName(report, text));
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>The drill-down of one number; <paramref name="key"/> null with a breakdown is its "outside every place" row.</summary>
    public string EventsUrl(Indicator indicator, Breakdown? by = null, int? key = null) =>
        Url.Page("/Indicators/Events", new
        {
            unitId = Report!.Unit.Id,
            from = IndicatorTables.Day(Report.From),
            to = IndicatorTables.Day(Report.To),
            indicator,
            by,
            key,
        })!;

    private void ApplyPreset()
    {
        if (IndicatorPeriod.Of(Period, LocalTime.Today(clock)) is { } days)
        {
            (From, To) = days;
        }
    }
}

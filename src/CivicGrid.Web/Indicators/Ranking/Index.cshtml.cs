using System.Globalization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators.Ranking;

/// <summary>
/// 排名: the units below the caller's place by outcome, saying how the order is computed; while the
/// district's administrator has not turned it on, a 404 page that says so.
/// </summary>
[Authorize]
public sealed class IndexModel(UnitRanking ranking, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>street or community.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public RankingResult? Result { get; private set; }

    public bool NotEnabled { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!await ranking.IsEnabledAsync(caller, ct))
        {
            NotEnabled = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Refuse(text["Indicators.Ranking.BadDate"]);
        }

        try
        {
            Result = await ranking.RankAsync(Level, From, To, caller, ct);
            (From, To) = (Result.From, Result.To);
            return Page();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status400BadRequest)
        {
            return Refuse(IndicatorPages.Explain(text, refusal));
        }
    }

    /// <summary>The events behind a unit's count: the unit's own figures for the same period.</summary>
    public string EventsLink(RankedUnit unit, Indicator indicator) =>
        string.Create(CultureInfo.InvariantCulture, $"/Indicators/Events?unitId={unit.UnitId}&from={Result!.From:yyyy-MM-dd}&to={Result.To:yyyy-MM-dd}&indicator={indicator}");

    private PageResult Refuse(string why)
    {
        Refusal = why;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators.Ranking;

/// <summary>The district administrator's switch for the ranking of units (off until turned on).</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class SettingsModel(UnitRanking ranking, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public RankingSettingsView? Settings { get; private set; }

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Settings = await ranking.SettingsAsync(await callers.GetAsync(ct), ct);
        }
        catch (DomainException refusal)
        {
            Refuse(refusal);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rankingEnabled, CancellationToken ct)
    {
        try
        {
            await ranking.SetAsync(new RankingSettingsRequest(rankingEnabled), await callers.GetAsync(ct), ct);
            return RedirectToPage();
        }
        catch (DomainException refusal)
        {
            Refuse(refusal);
            return Page();
        }
    }

    private void Refuse(DomainException refusal)
    {
        Refusal = text.Describe(refusal);
        Response.StatusCode = refusal.Status;
    }
}

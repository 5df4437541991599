using CivicGrid.Web.Events;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>One of my reports: where it stands, its public steps and photos, and the rating once it is closed.</summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class MyReportModel(MyReports reports, ResidentRating rating, ResidentAccessor residents, IStringLocalizer<Text> text) : PageModel
{
    public MyReport Report { get; private set; } = null!;

    [BindProperty]
    public Satisfaction? Satisfaction { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) => await ShowAsync(number, ct);

    public async Task<IActionResult> OnPostRateAsync(string number, CancellationToken ct)
    {
        var resident = await residents.RequireAsync(ct);
        try
        {
            await rating.RateAsync(resident, number, new RatingRequest(Satisfaction, Comment), ct);
            return Redirect($"/r/mine/{number}");
        }
        catch (DomainException refusal) when (refusal.Status != StatusCodes.Status404NotFound)
        {
            ModelState.AddRefusal(text, refusal, PageRefusals.Property);
            var page = await ShowAsync(number, ct);
            Response.StatusCode = refusal.Status;
            return page;
        }
    }

    private async Task<IActionResult> ShowAsync(string number, CancellationToken ct)
    {
        try
        {
            Report = await reports.GetAsync(await residents.RequireAsync(ct), number, ct);
            return Page();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}

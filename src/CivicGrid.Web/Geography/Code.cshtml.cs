using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Where a label's QR code lands (/q/{token}), for whoever scans it. Staff go straight to work (see
/// <see cref="PlaceCodes.LandingAsync"/>); residents go to the report form placed by the code; staff
/// of another district learn which place the code belongs to; a dead code gets a page saying so, with 404.
/// </summary>
[AllowAnonymous]
public sealed class CodeModel(PlaceCodes codes, CallerAccessor callers) : PageModel
{
    /// <summary>Null when the code is unknown or revoked.</summary>
    public ResolvedCode? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Code = await codes.ResolveAsync(token, ct);
        if (Code is not { Place: var place })
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        // Anyone not signed in as staff is taken for a resident: straight to the report form, placed by the code.
        var caller = await callers.FindAsync(ct);
        if (caller is null)
        {
            return Redirect($"/r/report?code={Uri.EscapeDataString(Code.Token)}");
        }

        return await codes.LandingAsync(place, caller, ct) switch
        {
            CodeLanding.ReportInGrid => RedirectToPage("/Events/Report", new { grid = place.Id }),
            CodeLanding.BuildingPage => RedirectToPage("/Geography/Building", new { id = place.Id }),
            CodeLanding.ReportAtBuilding => RedirectToPage("/Events/Report", new { building = place.Id }),
            _ => Page(),
        };
    }
}

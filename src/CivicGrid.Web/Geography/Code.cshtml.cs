using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Where a label's QR code lands (/q/{token}), for whoever scans it. Staff go straight to work (see
/// <see cref="PlaceCodes.LandingAsync"/>); anyone else learns which place the code belongs to and
/// nothing more; a dead code gets a page saying so, with 404.
/// </summary>
[AllowAnonymous]
public sealed class CodeModel(PlaceCodes codes, CallerAccessor callers) : PageModel
{
    /// <summary>Null when the code is unknown or revoked.</summary>
    public ResolvedCode? Code { get; private set; }

    /// <summary>Not signed in: may be a staff member with a phone in their pocket.</summary>
    public bool MaySignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Code = await codes.ResolveAsync(token, ct);
        if (Code is not { Place: var place })
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var caller = await callers.FindAsync(ct);
        MaySignIn = caller is null;
        return await codes.LandingAsync(place, caller, ct) switch
        {
            CodeLanding.ReportInGrid => RedirectToPage("/Events/Report", new { grid = place.Id }),
            CodeLanding.BuildingPage => RedirectToPage("/Geography/Building", new { id = place.Id }),
            CodeLanding.ReportAtBuilding => RedirectToPage("/Events/Report", new { building = place.Id }),
            _ => Page(),
        };
    }
}

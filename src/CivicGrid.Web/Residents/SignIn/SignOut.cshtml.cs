using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.SignIn;

/// <summary>Signs the resident out of this phone (a form post, so a link cannot do it).</summary>
[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/r");

    public async Task<IActionResult> OnPostAsync()
    {
        await ResidentAuth.SignOutPageAsync(HttpContext);
        return LocalRedirect("/r");
    }
}

using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents;

/// <summary>The residents' front door: report, my reports, the street's public figures.</summary>
[AllowAnonymous]
public sealed class IndexModel(ResidentAccessor residents) : PageModel
{
    public Resident? Resident { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Resident = await residents.FindAsync(ct);
}

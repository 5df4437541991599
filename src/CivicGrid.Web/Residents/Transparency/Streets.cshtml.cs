using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Residents.Transparency;

/// <summary>Every street that publishes its figures, for anyone to pick.</summary>
[AllowAnonymous]
public sealed class StreetsModel(StreetTransparency transparency) : PageModel
{
    public List<PublicStreet> Streets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Streets = await transparency.StreetsAsync(ct);
}

using CivicGrid.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Registry;

/// <summary>人口信息: where a worker starts in the registry, the buildings of their reach and a search for a person.</summary>
[Authorize]
public sealed class IndexModel(RegistryDirectory directory, CallerAccessor callers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public RegistryBuildings Buildings { get; private set; } = new([], 0);

    public IReadOnlyList<PersonRow>? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (!await directory.HasReachAsync(caller, ct))
        {
            return Forbid();
        }

        // A search names an ID number or phone in the address; no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        Buildings = await directory.BuildingsAsync(caller, ct);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Found = await directory.SearchAsync(Q, caller, ct);
        }

        return Page();
    }
}

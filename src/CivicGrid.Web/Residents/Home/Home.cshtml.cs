using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Residents.Home;

/// <summary>
/// 我的网格: street, then community, then grid, each list sent by the server (no script needed on a
/// slow phone); or the grid of the QR code just scanned, in one tap.
/// </summary>
[Authorize(Policy = ResidentAuth.PagePolicy)]
public sealed class HomeModel(HomePlace homes, ResidentAccessor residents, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? StreetId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CommunityId { get; set; }

    [BindProperty]
    public int? GridId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Resident? Resident { get; private set; }
    public HomeView Home { get; private set; } = new(null, null, null, null, null, null);
    public PlaceChoice? CodeGrid { get; private set; }
    public IReadOnlyList<PlaceChoice> Streets { get; private set; } = [];
    public IReadOnlyList<PlaceChoice> Communities { get; private set; } = [];
    public IReadOnlyList<PlaceChoice> Grids { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await homes.SetAsync(await residents.RequireAsync(ct), new HomeRequest(GridId, Code), ct);
            return RedirectToPage(new { saved = true });
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => char.ToUpperInvariant(field[0]) + field[1..]);
            Response.StatusCode = refusal.Status;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resident = await residents.RequireAsync(ct);
        Home = await homes.GetAsync(Resident, ct);
        CodeGrid = await homes.GridOfCodeAsync(Code, ct);
        // The lists open at the home already chosen, until the resident picks another street or community.
        StreetId ??= Home.StreetId;
        CommunityId ??= StreetId == Home.StreetId ? Home.CommunityId : null;
        Streets = await homes.StreetsAsync(ct);
        Communities = await homes.ChildrenAsync(StreetId, OrgUnitKind.Community, ct);
        if (!Communities.Any(c => c.Id == CommunityId))
        {
            CommunityId = null;
        }

        Grids = await homes.ChildrenAsync(CommunityId, OrgUnitKind.Grid, ct);
    }
}

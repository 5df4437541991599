using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 楼栋与二维码: the communities the caller looks after; for one of them, the codes of its grids
/// and its buildings, searchable by name or address, with the label sheets to print.
/// </summary>
[Authorize(Policy = PlaceScope.Policy)]
public sealed class BuildingsModel(BuildingQueries buildings, PlaceCodes codes, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Set after a grid's code was revoked, so the page can ask for the new label to be printed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    /// <summary>Without a community: the communities to choose from.</summary>
    public IReadOnlyList<CommunityRow> Communities { get; private set; } = [];

    /// <summary>Null when the community does not exist for the caller (404), or none was asked for.</summary>
    public BuildingList? List { get; private set; }

    public IReadOnlyList<PlaceLabel> GridCodes { get; private set; } = [];

    public Caller? Caller { get; private set; }

    public bool MayRevoke(PlaceLabel label) => Caller is { } caller && PlaceScope.ManagesCodes(caller, label.Place.Path);

    public async Task<IActionResult> OnGetAsync(int? communityId, CancellationToken ct)
    {
        Caller = await callers.GetAsync(ct);
        if (communityId is null)
        {
            Communities = await buildings.CommunitiesAsync(Caller, ct);
            return Communities.Count == 1 ? RedirectToPage(new { communityId = Communities[0].Id }) : Page();
        }

        await LoadAsync(communityId.Value, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int communityId, string? token, CancellationToken ct)
    {
        Caller = await callers.GetAsync(ct);
        try
        {
            await codes.RevokeAsync(token ?? "", Caller, ct);
            return RedirectToPage(new { communityId, revoked = true });
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(string.Empty, text.Describe(refusal));
            await LoadAsync(communityId, ct);
            Response.StatusCode = List is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    private async Task LoadAsync(int communityId, CancellationToken ct)
    {
        try
        {
            List = await buildings.ListAsync(communityId, Q, Caller!, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        GridCodes = (await codes.LabelsAsync(communityId, PlaceCodeKind.Grid, Caller!, ct)).Labels;
    }
}

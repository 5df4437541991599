using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Geography;

/// <summary>
/// A community's QR labels to print on A4 (3 × 4 a page), one sheet for its grids and one for its
/// buildings: every place the caller looks after gets its code now, so the sheet prints complete.
/// </summary>
[Authorize(Policy = PlaceScope.Policy)]
public sealed class LabelsModel(PlaceCodes codes, QrCodes qr, CallerAccessor callers) : PageModel
{
    public const int LabelsPerPage = 12;

    [BindProperty(SupportsGet = true)]
    public PlaceCodeKind Kind { get; set; } = PlaceCodeKind.Grid;

    /// <summary>Null when the community does not exist for the caller: the page says so with a 404.</summary>
    public LabelSheet? Sheet { get; private set; }

    public string Svg(PlaceLabel label) => qr.Svg(label.Code.Url);

    public async Task OnGetAsync(int communityId, CancellationToken ct)
    {
        // An unknown kind in the URL prints the grids rather than failing.
        ModelState.Clear();
        Kind = Enum.IsDefined(Kind) ? Kind : PlaceCodeKind.Grid;
        try
        {
            Sheet = await codes.LabelsAsync(communityId, Kind, await callers.GetAsync(ct), ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}

using CivicGrid.Web.Categories;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Residents.Reports;

/// <summary>随手拍: one screen, photo, place, category, a few words; signed in or anonymous.</summary>
[AllowAnonymous]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ReportModel(
    ResidentReporting reporting,
    ResidentAccessor residents,
    PlaceCodes codes,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    IOptions<GeographyOptions> geography,
    SameProblem same,
    IStringLocalizer<Text> text) : PageModel
{
    // Three phone photos with room to spare; the attachment intake enforces the per-file limit.
    private const long MaxUploadBytes = 60L * 1024 * 1024;

    public sealed class ReportForm
    {
        public string? Description { get; set; }
        public int? CategoryId { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Address { get; set; }
        public string? PlaceCode { get; set; }
        public string? ContactPhone { get; set; }
    }

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public Resident? Resident { get; private set; }

    /// <summary>The place of the QR code just scanned, named for the resident.</summary>
    public string? CodePlaceName { get; private set; }

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    public string MapTilesJson => System.Text.Json.JsonSerializer.Serialize(geography.Value.MapTiles, System.Text.Json.JsonSerializerOptions.Web);

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        Input.PlaceCode = code;
        await LoadAsync(ct);
        // The code's point starts the pin (and the search for the same problem); the resident may still move it.
        if (CodePlaceName is not null && await reporting.CodePlaceAsync(code, ct) is { } place)
        {
            (Input.Latitude, Input.Longitude) = (place.Latitude, place.Longitude);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            var request = new ResidentReportRequest(Input.Description, Input.CategoryId, Input.Latitude, Input.Longitude, Input.Address, Input.PlaceCode, Input.ContactPhone);
            var e = await reporting.ReportAsync(request, Photos.Select(Upload.From).ToList(), Resident, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            return Resident is null
                ? RedirectToPage("/Residents/Reports/Received", new { number = e.Number })
                : Redirect($"/r/mine/{e.Number}");
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under("Input", field));
            Response.StatusCode = refusal.Status;
            return Page();
        }
    }

    /// <summary>The same problem nearby, for the script to offer while the resident fills the form.</summary>
    public async Task<IActionResult> OnGetNearbyAsync(double? latitude, double? longitude, int? categoryId, CancellationToken ct)
    {
        var found = await same.NearbyAsync(latitude, longitude, categoryId, ct);
        return new JsonResult(found.Select(r => new
        {
            r.Number,
            Label = text["Resident.Same.Item", r.Category, r.DistanceMetres, text[$"Resident.Status.{r.Status}"]].Value,
        }));
    }

    /// <summary>Follows the report already there instead of filing it again; signing in first when needed.</summary>
    public async Task<IActionResult> OnPostFollowAsync(string number, CancellationToken ct)
    {
        var resident = await residents.FindAsync(ct);
        if (resident is null)
        {
            // Back to the form they came from after signing in, to follow with one more tap.
            var back = Request.GetTypedHeaders().Referer is { } referer && Url.IsLocalUrl(referer.PathAndQuery) && referer.Host == Request.Host.Host ? referer.PathAndQuery : "/r/report";
            return Redirect($"/r/sign-in?returnUrl={Uri.EscapeDataString(back)}");
        }

        try
        {
            await same.FollowAsync(resident, number, ct);
            return Redirect($"/r/mine/{Uri.EscapeDataString(number)}");
        }
        catch (DomainException refusal)
        {
            await LoadAsync(ct);
            ModelState.AddRefusal(text, refusal, _ => string.Empty);
            Response.StatusCode = refusal.Status;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Resident = await residents.FindAsync(ct);
        Categories = (await catalogue.GetAsync(ct)).Tree;
        if (Input.PlaceCode is { Length: > 0 } token && await codes.ResolveAsync(token, ct) is { } resolved)
        {
            CodePlaceName = resolved.Place.Kind == PlaceCodeKind.Building ? $"{resolved.Place.Address}（{resolved.Place.Name}）" : resolved.Place.Name;
        }
    }
}

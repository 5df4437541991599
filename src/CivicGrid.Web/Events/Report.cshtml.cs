using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events.Attachments;
using CivicGrid.Web.Events.Duplicates;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Events;

/// <summary>上报事件, or 自行处置 when the box is ticked: the same form, the two services of <see cref="EventReporting"/>.</summary>
[Authorize]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ReportModel(
    EventReporting reporting,
    PlaceQueries places,
    NearbyEvents nearby,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    CivicGridDb db,
    IOptions<GeographyOptions> geography,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    // Room for a full batch of phone photos before and after; the attachment intake enforces the real per-file limits.
    private const long MaxUploadBytes = 200L * 1024 * 1024;

    [BindProperty]
    public ReportForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public List<IFormFile> AfterPhotos { get; set; } = [];

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    public IReadOnlyList<BuildingUnitOption> BuildingUnits { get; private set; } = [];

    /// <summary>Where the event will go, as far as the form knows yet.</summary>
    public string? PreviewText { get; private set; }

    /// <summary>"lat,lng" the map opens on when the form has no position yet: the middle of the caller's area.</summary>
    public string? MapCentre { get; private set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public bool MaySolveOnSpot { get; private set; }

    /// <summary>
    /// A building's QR code (or a link from its page) opens the form with the building filled in; a
    /// grid's QR code opens it with the pin inside that grid, for the reporter to move to the spot.
    /// </summary>
    public async Task OnGetAsync(int? building, int? grid, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (building is { } buildingId && await db.Buildings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buildingId && b.IsActive, ct) is { } found)
        {
            (Input.BuildingId, Input.Address, Input.Latitude, Input.Longitude) = (found.Id, found.Address, found.Latitude, found.Longitude);
        }
        else if (grid is { } gridId && await places.InsideGridAsync(gridId, caller, ct) is { } inside)
        {
            (Input.Latitude, Input.Longitude) = inside;
        }

        await LoadOptionsAsync(caller, ct);
    }

    public async Task<IActionResult> OnGetPlaceAsync(double? latitude, double? longitude, CancellationToken ct)
    {
        if (!new Validation().Position(latitude, longitude).IsValid)
        {
            return BadRequest();
        }

        var preview = await places.PreviewAsync(latitude!.Value, longitude!.Value, await callers.GetAsync(ct), ct);
        return new JsonResult(new { preview.Placed, Text = Describe(preview) });
    }

    /// <summary>Possible duplicates of what is being reported, for the "follow it instead" offer.</summary>
    public async Task<IActionResult> OnGetNearbyAsync(double? latitude, double? longitude, int? categoryId, CancellationToken ct)
    {
        try
        {
            var found = await nearby.FindAsync(latitude, longitude, categoryId, await callers.GetAsync(ct), ct);
            return new JsonResult(found.Select(n => new { n.Id, n.Number, n.Title, Status = text.Of(n.Status), Distance = text["Page.Nearby.Distance", n.DistanceMetres].Value }));
        }
        catch (DomainException)
        {
            return BadRequest();
        }
    }

    /// <summary>共同上报: follow the existing event instead of filing a duplicate.</summary>
    public async Task<IActionResult> OnPostJoinAsync(long join, CancellationToken ct)
    {
        await nearby.JoinAsync(join, await callers.GetAsync(ct), ct);
        return RedirectToPage("/Events/Detail", new { id = join });
    }

    /// <summary>The likely categories for what has been typed so far, for one-tap choice under the description.</summary>
    public async Task<IActionResult> OnPostSuggestionsAsync(string? description, CancellationToken ct) =>
        new JsonResult((await catalogue.GetAsync(ct)).Suggestions.Suggest(description?.Length > CategoriesApi.SuggestionTextMaxLength ? description[..CategoriesApi.SuggestionTextMaxLength] : description).Select(SuggestionView.From));

    public async Task<IActionResult> OnGetAddressesAsync(string? q, CancellationToken ct) =>
        new JsonResult(await places.SearchAddressesAsync(q, await callers.GetAsync(ct), ct));

    public async Task<IActionResult> OnGetGridsAsync(string? bbox, CancellationToken ct) =>
        BoundingBox.Parse(bbox) is { } box ? new JsonResult(await places.GridsAsync(box, await callers.GetAsync(ct), ct)) : BadRequest();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Unparsable inputs arrive as null and the service names the field, in our own words.
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        var request = new ReportRequest(Input.Title, Input.Description, Input.CategoryId, Input.Urgency, Input.Latitude, Input.Longitude, Input.Address, null, Input.BuildingId, Input.BuildingUnitId);
        try
        {
            var photos = Photos.Select(Upload.From).ToList();
            var e = Input.SolvedOnSpot
                ? await reporting.SolveOnSpotAsync(request, photos, AfterPhotos.Select(Upload.From).ToList(), caller, ct)
                : await reporting.ReportAsync(request, photos, caller, ct);
            return RedirectToPage("/Events/Detail", new { id = e.Id });
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, FieldName);
            Response.StatusCode = refusal.Status;
            await LoadOptionsAsync(caller, ct);
            return Page();
        }
    }

    private async Task LoadOptionsAsync(Caller caller, CancellationToken ct)
    {
        Categories = (await catalogue.GetAsync(ct)).Tree;
        MaySolveOnSpot = EventReporting.MaySolveOnSpot(caller.Role);
        if (Input.BuildingId is { } buildingId)
        {
            BuildingUnits = await db.BuildingUnits.AsNoTracking().Where(u => u.BuildingId == buildingId).OrderBy(u => u.Order)
                .Select(u => new BuildingUnitOption(u.Id, u.Name)).ToListAsync(ct);
        }

        if (new Validation().Position(Input.Latitude, Input.Longitude).IsValid)
        {
            PreviewText = Describe(await places.PreviewAsync(Input.Latitude!.Value, Input.Longitude!.Value, caller, ct));
        }

        MapCentre = await places.CentreOfAsync(caller, ct) is { } centre
            ? string.Create(CultureInfo.InvariantCulture, $"{centre.Latitude:F6},{centre.Longitude:F6}")
            : null;
    }

    private string Describe(PlacePreview preview) => preview switch
    {
        { Placed: false } => text["Page.Report.Unplaced"],
        { Placement: PlacementKind.Nearest } => text["Page.Report.NearestGrid", preview.StreetName!, preview.CommunityName!, preview.GridName!, preview.DistanceMetres ?? 0],
        _ => text["Page.Report.GoesTo", preview.StreetName!, preview.CommunityName!, preview.GridName!],
    };

    private static string FieldName(string field) => PageRefusals.Under("Input", field);

    public sealed class ReportForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? CategoryId { get; set; }
        public Urgency? Urgency { get; set; }
        public int? BuildingId { get; set; }
        public int? BuildingUnitId { get; set; }
        public string? Address { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public bool SolvedOnSpot { get; set; }
    }
}

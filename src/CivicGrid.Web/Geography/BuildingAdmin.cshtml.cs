using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 楼栋管理: an administrator picks a community of its subtree, sees its buildings in use and out of
/// use, adds one with its point picked on the map (or typed), corrects one, takes one out of use.
/// Every write goes through <see cref="BuildingAdmin"/>, which decides the grid from the point.
/// </summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class BuildingAdminModel(
    BuildingAdmin admin,
    BuildingQueries buildings,
    PlaceQueries places,
    CallerAccessor callers,
    IOptions<GeographyOptions> geography,
    IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CommunityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The building the form corrects; without it the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    /// <summary>The building just saved, named at the top of the page after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    [BindProperty]
    public BuildingForm Input { get; set; } = new();

    public IReadOnlyList<CommunityRow> Communities { get; private set; } = [];

    /// <summary>Null when no community was chosen, or the chosen one is not the caller's (404).</summary>
    public BuildingAdminList? List { get; private set; }

    /// <summary>The community or building asked for is not the caller's: the page says so, with 404.</summary>
    public bool Missing { get; private set; }

    public BuildingAdminRow? Editing { get; private set; }

    public BuildingAdminRow? SavedRow { get; private set; }

    /// <summary>Where the point in the form stands, as far as the form knows yet.</summary>
    public string? PreviewText { get; private set; }

    /// <summary>"west,south,east,north" of the community's grids, where the map opens when the form has no point yet.</summary>
    public string? MapExtent { get; private set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (Edit is { } id)
        {
            try
            {
                Editing = await admin.GetAsync(id, caller, ct);
            }
            catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
            {
                return await NotFoundAsync(caller, ct);
            }

            Input = BuildingForm.Of(Editing);
            CommunityId ??= Editing.CommunityId;
        }

        if (CommunityId is null)
        {
            Communities = await buildings.CommunitiesAsync(caller, ct);
            return Communities is [var only] ? RedirectToPage(new { communityId = only.Id }) : Page();
        }

        return await ShowAsync(caller, ct);
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        SaveAsync((caller, ct) => admin.CreateAsync(Input.Request(), caller, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        Edit = id;
        return SaveAsync((caller, ct) => admin.UpdateAsync(id, Input.Request(), caller, ct), ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    /// <summary>The grid the pin stands in, shown while it is dragged; the save decides again.</summary>
    public async Task<IActionResult> OnGetPlaceAsync(double? latitude, double? longitude, CancellationToken ct)
    {
        if (!new Validation().Position(latitude, longitude).IsValid)
        {
            return BadRequest();
        }

        var place = await admin.PlaceAsync(latitude!.Value, longitude!.Value, await callers.GetAsync(ct), ct);
        return new JsonResult(new { place.IsYours, Text = Describe(place) });
    }

    public async Task<IActionResult> OnGetGridsAsync(string? bbox, CancellationToken ct) =>
        BoundingBox.Parse(bbox) is { } box ? new JsonResult(await places.GridsAsync(box, await callers.GetAsync(ct), ct)) : BadRequest();

    private async Task<IActionResult> SaveAsync(Func<Caller, CancellationToken, Task<BuildingAdminRow>> save, CancellationToken ct)
    {
        // Unparsable numbers arrive as null and the service names the field, in our own words.
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            var row = await save(caller, ct);
            // The point may have put the building into another community than the one on screen.
            return RedirectToPage(new { communityId = row.CommunityId, saved = row.Id });
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(refusal, caller, ct);
        }
    }

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var row = await admin.SetActiveAsync(id, active, caller, ct);
            return RedirectToPage(new { communityId = row.CommunityId, q = Q });
        }
        catch (DomainException refusal)
        {
            return await RefusedAsync(refusal, caller, ct);
        }
    }

    /// <summary>The page again with the refusal beside the form and what was typed kept; nothing was written.</summary>
    private async Task<IActionResult> RefusedAsync(DomainException refusal, Caller caller, CancellationToken ct)
    {
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return await NotFoundAsync(caller, ct);
        }

        ModelState.AddRefusal(text, refusal, field => PageRefusals.Under(nameof(Input), field));
        Response.StatusCode = refusal.Status;
        if (Edit is { } id)
        {
            Editing = await admin.GetAsync(id, caller, ct);
        }

        return await ShowAsync(caller, ct);
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Communities = await buildings.CommunitiesAsync(caller, ct);
        if (CommunityId is not { } communityId)
        {
            return Page();
        }

        try
        {
            List = await admin.ListAsync(communityId, Q, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return await NotFoundAsync(caller, ct);
        }

        SavedRow = List.Buildings.FirstOrDefault(b => b.Id == Saved);
        if (new Validation().Position(Input.Latitude, Input.Longitude).IsValid)
        {
            PreviewText = Describe(await admin.PlaceAsync(Input.Latitude!.Value, Input.Longitude!.Value, caller, ct));
        }

        MapExtent = await places.ExtentUnderAsync(List.Community.Path, ct) is { } box
            ? string.Create(CultureInfo.InvariantCulture, $"{box.West:F6},{box.South:F6},{box.East:F6},{box.North:F6}")
            : null;
        return Page();
    }

    /// <summary>A community or building outside the caller's subtree does not exist for it, as in the API.</summary>
    private async Task<IActionResult> NotFoundAsync(Caller caller, CancellationToken ct)
    {
        (List, Editing, Missing) = (null, null, true);
        Communities = await buildings.CommunitiesAsync(caller, ct);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private string Describe(BuildingPlace at) => at switch
    {
        { Place.Grid: null } => text["Admin.Buildings.OutsideEveryGrid"],
        { IsYours: false } => text["Admin.Building.OutsideYourGrids"],
        { Place.Placement: PlacementKind.Nearest } => text["Admin.Buildings.NearestGrid", at.Place.Street!.Name, at.Place.Community!.Name, at.Place.Grid.Name, at.Place.DistanceMetres],
        _ => text["Admin.Buildings.FallsIn", at.Place.Street!.Name, at.Place.Community!.Name, at.Place.Grid.Name],
    };

    public sealed class BuildingForm
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }

        /// <summary>One unit per line, as typed or filled in by "1单元 … N单元".</summary>
        public string? Units { get; set; }

        /// <summary>Blank lines are dropped, so a trailing newline adds no nameless unit.</summary>
        public BuildingRequest Request() => new(Name, Address, Latitude, Longitude,
            (Units ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList());

        public static BuildingForm Of(BuildingAdminRow b) => new()
        {
            Name = b.Name,
            Address = b.Address,
            Latitude = b.Latitude,
            Longitude = b.Longitude,
            Units = string.Join('\n', b.Units.Select(u => u.Name)),
        };
    }
}

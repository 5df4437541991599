using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 楼栋: a building of the caller's area with its units, where it stands, its recent events and
/// its QR code. The residents' registry will hang here (a later issue).
/// </summary>
[Authorize(Policy = PlaceScope.Policy)]
public sealed class BuildingModel(
    BuildingQueries buildings,
    PlaceCodes codes,
    EventQueries events,
    QrCodes qr,
    IOptions<GeographyOptions> geography,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    public const int RecentEvents = 10;

    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Null when the building does not exist for the caller: the page says so with a 404.</summary>
    public BuildingDetail? Building { get; private set; }

    public PlaceCodeView? Code { get; private set; }

    public string QrSvg { get; private set; } = "";

    public Page<EventSummary> Events { get; private set; } = new([], 1, RecentEvents, 0);

    public bool MayRevoke { get; private set; }

    /// <summary>Set after a revocation, so the page can ask for the new label to be printed.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public string? GridAreaJson => Building?.GridArea is { } area ? JsonSerializer.Serialize(area, GeoJson) : null;

    public static string Degrees(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, await callers.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostRevokeAsync(int id, string? token, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await codes.RevokeAsync(token ?? "", caller, ct);
            return RedirectToPage(new { id, revoked = true });
        }
        catch (DomainException refusal)
        {
            ModelState.AddModelError(string.Empty, text.Describe(refusal));
            await LoadAsync(id, caller, ct);
            Response.StatusCode = Building is null ? StatusCodes.Status404NotFound : refusal.Status;
            return Page();
        }
    }

    private async Task LoadAsync(int id, Caller caller, CancellationToken ct)
    {
        try
        {
            Building = await buildings.DetailAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Code = await codes.ActiveCodeAsync(new PlaceRef(PlaceCodeKind.Building, id), caller, ct);
        QrSvg = qr.Svg(Code.Url);
        MayRevoke = PlaceScope.ManagesCodes(caller, Building.GridPath);
        Events = await events.SearchAsync(new EventFilter(BuildingId: id), new PageRequest(1, RecentEvents), caller, ct);
    }
}

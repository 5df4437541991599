using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CivicGrid.Web.Geography;

/// <summary>
/// 事件地图 for staff: the events they can see as clustered markers coloured by status and
/// urgency, over the grid boundaries, filtered by category, period and status. The page's own
/// handlers answer its script (cookie), with the same data as GET /api/v1/map/events (token).
/// </summary>
[Authorize]
public sealed class MapModel(
    EventMap map,
    PlaceQueries places,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    CallerAccessor callers,
    IOptions<GeographyOptions> geography,
    IOptions<HttpJsonOptions> json,
    IStringLocalizer<Text> text,
    TimeProvider clock) : PageModel
{
    /// <summary>The filter's default period: the last thirty days.</summary>
    public const int DefaultDays = 30;

    /// <summary>"Not yet closed": what still needs someone, the map's usual question.</summary>
    public static readonly IReadOnlyList<EventStatus> OpenStatuses =
        [EventStatus.Reported, EventStatus.Registered, EventStatus.Dispatched, EventStatus.Handling, EventStatus.AwaitingVerification];

    /// <summary>The statuses a marker can have: a merged duplicate has none of its own.</summary>
    public static readonly IReadOnlyList<EventStatus> Statuses = Enum.GetValues<EventStatus>().Where(s => s != EventStatus.Merged).ToList();

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    /// <summary>Empty for every status, "open", or one status.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    /// <summary>"west,south,east,north" around the caller's grids, where the map opens.</summary>
    public string? Extent { get; private set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public static string OpenStatusesJson => JsonSerializer.Serialize(OpenStatuses.Select(s => s.ToString()));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = LocalTime.Today(clock);
        From ??= today.AddDays(-DefaultDays);
        To ??= today;
        Categories = (await catalogue.GetAsync(ct)).Tree;
        if (await places.ExtentOfAsync(await callers.GetAsync(ct), ct) is { } box)
        {
            Extent = string.Create(CultureInfo.InvariantCulture, $"{box.West:F6},{box.South:F6},{box.East:F6},{box.North:F6}");
        }
    }

    public async Task<IActionResult> OnGetEventsAsync(string? bbox, int? categoryId, DateOnly? from, DateOnly? to, EventStatus[]? status, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var events = await map.EventsAsync(MapFilter.Parse(bbox, categoryId, from, to, status), await callers.GetAsync(ct), ct);
        return new JsonResult(events, json.Value.SerializerOptions);
    }

    public async Task<IActionResult> OnGetEventAsync(long id, CancellationToken ct)
    {
        var e = await map.PopupAsync(id, await callers.GetAsync(ct), ct);
        var category = (await catalogue.GetAsync(ct)).Find(e.CategoryId);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return new JsonResult(new
        {
            e.Id,
            e.Number,
            e.Title,
            Status = text.Of(e.Status),
            Urgency = text.Of(e.Urgency),
            Category = english ? category?.NameEn : category?.PlainName,
            e.Address,
            ReportedAt = LocalTime.Show(e.ReportedAt),
            Url = Url.Page("/Events/Detail", new { id = e.Id }),
        }, json.Value.SerializerOptions);
    }

    public async Task<IActionResult> OnGetGridsAsync(string? bbox, CancellationToken ct) =>
        BoundingBox.Parse(bbox) is { } box ? new JsonResult(await places.GridsAsync(box, await callers.GetAsync(ct), ct), json.Value.SerializerOptions) : BadRequest();
}

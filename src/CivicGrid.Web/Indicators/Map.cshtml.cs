using System.Globalization;
using System.Text.Json;
using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CivicGrid.Web.Indicators;

/// <summary>
/// 指标地图: a unit's grids coloured by on-time closure rate over a heat layer of where events were
/// reported, beside a table of the same figures (which is all there is without script), each count
/// leading to the events behind it.
/// </summary>
[Authorize]
public sealed class MapModel(IndicatorMap maps, CallerAccessor callers, IOptions<GeographyOptions> geography, IOptions<HttpJsonOptions> json, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IndicatorMapData? Data { get; private set; }

    /// <summary>Why there is no map: a date that is not one, or a period refused.</summary>
    public string? Refusal { get; private set; }

    public string MapTilesJson => JsonSerializer.Serialize(geography.Value.MapTiles, JsonSerializerOptions.Web);

    public static string BandsJson => JsonSerializer.Serialize(OnTimeBands.All, JsonSerializerOptions.Web);

    /// <summary>The map's data for its script, in a script element: <c>&lt;</c> is escaped by the serializer, so it cannot end the element.</summary>
    public string DataJson => JsonSerializer.Serialize(Data, json.Value.SerializerOptions);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Refuse(text["Indicators.Map.BadDate"]);
        }

        try
        {
            Data = await maps.MapAsync(UnitId, From, To, await callers.GetAsync(ct), ct);
            (From, To) = (Data.From, Data.To);
            return Page();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status400BadRequest)
        {
            return Refuse(IndicatorPages.Explain(text, refusal));
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// The drill-down of one count of a grid: a row of the unit's by-place breakdown when the grid is
    /// a child of the unit (a community's), otherwise the grid's own figures. None for a department:
    /// its events in a grid are no cell of any dashboard (it breaks down by street), and the grid's
    /// own figures would hold other units' events.
    /// </summary>
    public string? EventsLink(IndicatorMapGrid grid, Indicator indicator)
    {
        var data = Data!;
        if (data.Unit.Kind == Organisation.OrgUnitKind.Department)
        {
            return null;
        }

        var period = string.Create(CultureInfo.InvariantCulture, $"from={data.From:yyyy-MM-dd}&to={data.To:yyyy-MM-dd}&indicator={indicator}");
        return grid.CommunityId == data.Unit.Id
            ? $"/Indicators/Events?unitId={data.Unit.Id}&{period}&by={Breakdown.Place}&key={grid.Id}"
            : $"/Indicators/Events?unitId={grid.Id}&{period}";
    }

    /// <summary>"≥ 95%", "85%–95%", "&lt; 70%": the legend of each band.</summary>
    public string BandLabel(int index)
    {
        var band = OnTimeBands.All[index];
        var low = band.Min.ToString("P0", CultureInfo.CurrentCulture);
        return index switch
        {
            0 => text["Indicators.Map.Band.AtLeast", low],
            _ when index == OnTimeBands.All.Count - 1 => text["Indicators.Map.Band.Below", OnTimeBands.All[index - 1].Min.ToString("P0", CultureInfo.CurrentCulture)],
            _ => text["Indicators.Map.Band.Between", low, OnTimeBands.All[index - 1].Min.ToString("P0", CultureInfo.CurrentCulture)],
        };
    }

    private PageResult Refuse(string why)
    {
        Refusal = why;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

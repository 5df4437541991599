using System.Globalization;
using CivicGrid.Web.Categories;
using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Indicators;

/// <summary>The events behind one number of the dashboard: as many as the number says, newest report first.</summary>
[Authorize]
public sealed class EventsModel(
    IndicatorQueries indicators,
    CallerAccessor callers,
    ReferenceSnapshot<OrganisationTree> organisation,
    ReferenceSnapshot<CategoryCatalogue> categories,
    IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Indicator? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public Breakdown? By { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Key { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Page<IndicatorEvent>? Events { get; private set; }
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    /// <summary>The unit's name and, for a breakdown's cell, its row as the dashboard labels it.</summary>
    public string? Cell { get; private set; }

    public CategoryCatalogue? Catalogue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (Indicator is null || !Enum.IsDefined(Indicator.Value))
        {
            Refusals = [text["Indicators.UnknownIndicator"]];
            return Page();
        }

        string[] cell = [nameof(UnitId), nameof(From), nameof(To), nameof(By), nameof(Key)];
        if (cell.Any(field => ModelState.GetFieldValidationState(field) == ModelValidationState.Invalid))
        {
            // A cell that cannot be read would otherwise list a different, larger set of events than the number clicked.
            Refusals = [text["Problem.Invalid"]];
            return Page();
        }

        try
        {
            Events = await indicators.EventsAsync(UnitId, From, To, Indicator.Value, By, Key, caller, new PageRequest(PageNumber, null), ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (DomainException refusal)
        {
            Refusals = [IndicatorPages.Explain(text, refusal)];
            return Page();
        }

        var tree = await organisation.GetAsync(ct);
        Catalogue = await categories.GetAsync(ct);
        var unit = tree.Find(UnitId)?.Name ?? caller.UnitName;
        Cell = By is { } by ? $"{unit} · {RowLabel(by, tree)}" : unit;
        return Page();
    }

    public string CategoryName(int id) =>
        Catalogue?.Find(id) is { } c ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? c.NameEn : c.PlainName) : "—";

    private string RowLabel(Breakdown by, OrganisationTree tree) => by switch
    {
        Breakdown.Category => CategoryName(Key ?? 0),
        Breakdown.Source when Key is { } source => text.Of((EventSource)source),
        Breakdown.Place => tree.NameOf(Key) ?? text["Indicators.Unplaced"],
        Breakdown.Trend when Key is { } bucket => bucket > 999999
            ? $"{bucket / 10000:D4}-{bucket / 100 % 100:D2}-{bucket % 100:D2}"
            : $"{bucket / 100:D4}-{bucket % 100:D2}",
        _ => "—",
    };
}

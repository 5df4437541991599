using CivicGrid.Web.Geography;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// 一表通: the templates; for one, a place of the caller's reach and a day, the table with what
/// each column counts, and the one-click .xlsx of the same table.
/// </summary>
[Authorize(Policy = PlaceScope.Policy)]
public sealed class IndexModel(ReportBuilder reports, CallerAccessor callers, IStringLocalizer<Text> text, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ReportTemplateView> Templates { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Places { get; private set; } = [];
    public ReportTemplateView? Template { get; private set; }
    public ReportTable? Table { get; private set; }
    public string? Refusal { get; private set; }
    public bool MayManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    public string Today => LocalTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int? templateId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        MayManage = Administrators.IsFor(caller);
        Templates = await reports.TemplatesAsync(includeRetired: false, ct);
        if (templateId is null)
        {
            return Page();
        }

        Template = Templates.SingleOrDefault(t => t.Id == templateId);
        if (Template is null)
        {
            return NotFound();
        }

        Places = await reports.PlacesAsync(caller, ct);
        try
        {
            Table = await reports.BuildAsync(Template.Id, UnitId, Date, caller, ct);
            UnitId = Table.UnitId;
            Date = Table.Date;
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        catch (DomainException refusal)
        {
            Refusal = text.Describe(refusal);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(int templateId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            var table = await reports.BuildAsync(templateId, UnitId, Date, caller, ct);
            var file = ReportsApi.Workbook(table, caller, text, clock);
            return File(file.FileContents.ToArray(), file.ContentType!, file.FileDownloadName);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}

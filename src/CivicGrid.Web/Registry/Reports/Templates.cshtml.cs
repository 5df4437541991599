using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>Every template, standard and custom, in use and retired, for whoever the API lets define them; retire and reactivate in place.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class TemplatesModel(ReportBuilder reports, ReportTemplates templates, CallerAccessor callers) : PageModel
{
    public IReadOnlyList<ReportTemplateView> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Templates = await reports.TemplatesAsync(includeRetired: true, ct);

    public Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        try
        {
            await templates.SetActiveAsync(id, active, await callers.GetAsync(ct), ct);
            return RedirectToPage();
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Categories;

/// <summary>The category tree for the district's administrator: majors with their minors, a link to edit each, deactivation in place.</summary>
[Authorize(Policy = CategoryAdmin.Policy)]
public sealed class AdminModel(CategoryAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<CategoryRow> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.DeactivateAsync(id, caller, ct), ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.ReactivateAsync(id, caller, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Caller, CancellationToken, Task<CategoryRow>> action, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        try
        {
            await action(caller, ct);
            return RedirectToPage();
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => field);
            Response.StatusCode = refusal.Status;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Categories = await admin.ListAsync(caller, ct);
        return Page();
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>The care tag list for the district's administrator: add, rename, move up and down, retire in place.</summary>
[Authorize(Policy = CareTagAdmin.Policy)]
public sealed class CareTagsModel(CareTagAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<CareTagRow> Tags { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The tag whose rename was refused, so its box keeps what was typed.</summary>
    public int? RenamingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        ActAsync((caller, ct) => admin.CreateAsync(new CareTagRequest(Name), caller, ct), null, ct);

    public Task<IActionResult> OnPostRenameAsync(int id, CancellationToken ct) =>
        ActAsync((caller, ct) => admin.RenameAsync(id, new CareTagRequest(Name), caller, ct), id, ct);

    public Task<IActionResult> OnPostUpAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.MoveAsync(id, -1, caller, ct), null, ct);

    public Task<IActionResult> OnPostDownAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.MoveAsync(id, +1, caller, ct), null, ct);

    public Task<IActionResult> OnPostRetireAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.RetireAsync(id, caller, ct), null, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ActAsync((caller, ct) => admin.ReactivateAsync(id, caller, ct), null, ct);

    private async Task<IActionResult> ActAsync<T>(Func<Caller, CancellationToken, Task<T>> action, int? renamingId, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            await action(caller, ct);
            return RedirectToPage();
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, _ => nameof(Name));
            Response.StatusCode = refusal.Status;
            RenamingId = renamingId;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Tags = await admin.ListAsync(caller, ct);
        return Page();
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Administration;

/// <summary>Registry grants to the departments of the administrator's subtree: granted with a purpose, revoked in place.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class GrantsModel(GrantAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public GrantForm Input { get; set; } = new();

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public IReadOnlyList<GrantUnit> Departments { get; private set; } = [];

    public IReadOnlyList<GrantUnit> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        ActAsync((caller, ct) => admin.CreateAsync(new GrantRequest(Input.DepartmentId, Input.PlaceId, Input.Purpose), caller, ct), ct);

    public Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct) => ActAsync((caller, ct) => admin.RevokeAsync(id, caller, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Caller, CancellationToken, Task<GrantRow>> action, CancellationToken ct)
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
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under("Input", field));
            Response.StatusCode = refusal.Status;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Grants = await admin.ListAsync(caller, ct);
        Departments = await admin.DepartmentsAsync(caller, ct);
        Places = await admin.PlacesAsync(caller, ct);
        return Page();
    }

    public sealed class GrantForm
    {
        public int? DepartmentId { get; set; }
        public int? PlaceId { get; set; }
        public string? Purpose { get; set; }
    }
}

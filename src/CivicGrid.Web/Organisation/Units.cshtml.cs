using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Organisation;

/// <summary>The administrator's subtree as an indented tree, with a form to add a unit and one per unit to change it.</summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class UnitsModel(OrganisationAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public UnitForm Input { get; set; } = new();

    [BindProperty]
    public EditForm Edit { get; set; } = new();

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    /// <summary>The unit whose edit form was refused, so its errors show beside it.</summary>
    public int? RefusedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await callers.GetAsync(ct), ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ActAsync(null, (caller, ct) =>
        admin.CreateAsync(new UnitRequest(Input.Kind, Input.Name, Input.Code, Input.ParentId), caller, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct) => ActAsync(id, (caller, ct) =>
        admin.UpdateAsync(id, new UnitEdit(Edit.Name, Edit.Code), caller, ct), ct);

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ActAsync(id, (caller, ct) => admin.DeactivateAsync(id, caller, ct), ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ActAsync(id, (caller, ct) => admin.ReactivateAsync(id, caller, ct), ct);

    private async Task<IActionResult> ActAsync(int? id, Func<Caller, CancellationToken, Task<UnitRow>> action, CancellationToken ct)
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
            RefusedId = id;
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under(id is null ? "Input" : "Edit", field));
            Response.StatusCode = refusal.Status;
            return await ShowAsync(caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(Caller caller, CancellationToken ct)
    {
        Units = await admin.ListAsync(caller, ct);
        return Page();
    }

    public sealed class UnitForm
    {
        public OrgUnitKind? Kind { get; set; }
        public string? Name { get; set; }
        public string? Code { get; set; }
        public int? ParentId { get; set; }
    }

    public sealed class EditForm
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
    }
}

using CivicGrid.Web.Categories;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Dispatch.Rules;

/// <summary>分拨规则: the rules of the caller's area, a form to add or change one, and taking one out of service.</summary>
[Authorize(Policy = DispatchRuleManagers.Policy)]
public sealed class RulesModel(
    DispatchRuleAdmin admin,
    ReferenceSnapshot<CategoryCatalogue> catalogue,
    ReferenceSnapshot<OrganisationTree> organisation,
    CallerAccessor callers,
    IStringLocalizer<Text> text) : PageModel
{
    /// <summary>The rule the form changes; without it the form adds one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Saved { get; set; }

    [BindProperty]
    public RuleForm Input { get; set; } = new();

    public IReadOnlyList<DispatchRuleRow> Rules { get; private set; } = [];

    public RuleChoices Choices { get; private set; } = new([], [], [], [], []);

    public DispatchRuleRow? Editing { get; private set; }

    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (Edit is { } id)
        {
            try
            {
                Editing = await admin.GetAsync(id, caller, ct);
                Input = RuleForm.Of(Editing);
            }
            catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
            {
                Missing = true;
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }

        await LoadAsync(caller, ct);
        return Page();
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        WriteAsync((caller, ct) => admin.CreateAsync(Input.Request(), caller, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        Edit = id;
        return WriteAsync((caller, ct) => admin.UpdateAsync(id, Input.Request(), caller, ct), ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) =>
        WriteAsync((caller, ct) => admin.SetActiveAsync(id, false, caller, ct), ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) =>
        WriteAsync((caller, ct) => admin.SetActiveAsync(id, true, caller, ct), ct);

    private async Task<IActionResult> WriteAsync(Func<Caller, CancellationToken, Task<DispatchRuleRow>> write, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        try
        {
            var row = await write(caller, ct);
            return RedirectToPage(new { saved = row.Id });
        }
        catch (DomainException refusal)
        {
            // The page again, the refusal beside the form and what was typed kept; nothing was written.
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under(nameof(Input), field));
            Response.StatusCode = refusal.Status;
            Missing = refusal.Status == StatusCodes.Status404NotFound;
            if (Edit is { } id && !Missing)
            {
                Editing = await admin.GetAsync(id, caller, ct);
            }

            await LoadAsync(caller, ct);
            return Page();
        }
    }

    private async Task LoadAsync(Caller caller, CancellationToken ct)
    {
        Rules = await admin.ListAsync(caller, ct);
        Choices = await RuleChoices.ForAsync(caller, catalogue, organisation, ct);
    }

    public sealed class RuleForm
    {
        public int? CategoryId { get; set; }
        public int? AreaId { get; set; }
        public int? LeadDepartmentId { get; set; }
        public List<int> AssistDepartmentIds { get; set; } = [];
        public DispatchMode? Mode { get; set; }
        public string? Note { get; set; }

        public DispatchRuleRequest Request() => new(CategoryId, AreaId, LeadDepartmentId, AssistDepartmentIds, Mode, Note);

        public static RuleForm Of(DispatchRuleRow row) => new()
        {
            CategoryId = row.CategoryId,
            AreaId = row.AreaId,
            LeadDepartmentId = row.Lead.Id,
            AssistDepartmentIds = row.Assists.Select(a => a.Id).ToList(),
            Mode = row.Mode,
            Note = row.Note,
        };
    }
}

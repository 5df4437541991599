using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Registry.Persons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Reports;

/// <summary>
/// An administrator defines or changes a template: rows, template-wide conditions and counted
/// columns. Columns are added and removed by submit buttons that show the form again with what
/// was typed, so the page works without script; the definition is checked by the same rules as
/// the API, and nothing is saved while anything is wrong.
/// </summary>
[Authorize(Policy = Administrators.Policy)]
public sealed class TemplateEditModel(ReportTemplates templates, CareTagList careTags, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>Blank column slots a new template starts with.</summary>
    public const int NewSlots = 3;

    [BindProperty]
    public TemplateForm Form { get; set; } = new();

    public ReportTemplateView? Template { get; private set; }
    public IReadOnlyList<CareTagOption> CareTags { get; private set; } = [];

    /// <summary>Everything wrong with the last save, each with the field it is about, for the list above the form.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (id is not null)
        {
            Template = await FindAsync(id.Value, caller, ct);
            if (Template is null)
            {
                return NotFound();
            }

            Form = TemplateForm.From(Template);
        }

        Saved = saved && Template is not null;
        Form.Columns.AddRange(Enumerable.Range(0, Math.Max(0, NewSlots - Form.Columns.Count)).Select(_ => new ColumnForm()));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        Template = id is null ? null : await FindAsync(id.Value, caller, ct);
        if (id is not null && Template is null)
        {
            return NotFound();
        }

        var slots = Form.UsedSlots;
        try
        {
            var request = Form.ToRequest(Template?.IsActive ?? true);
            var saved = Template is null ? await templates.CreateAsync(request, caller, ct) : await templates.UpdateAsync(Template.Id, request, caller, ct);
            return RedirectToPage(new { id = saved.Id, saved = true });
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status400BadRequest)
        {
            ShowRefusal(refusal, slots);
            Response.StatusCode = refusal.Status;
            return await ShowAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAddColumnAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Form.Columns.Count < ReportDefinition.MaxColumns)
        {
            Form.Columns.Add(new ColumnForm());
        }

        return await AgainAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRemoveColumnAsync(int? id, int slot, CancellationToken ct)
    {
        ModelState.Clear();
        if (slot >= 0 && slot < Form.Columns.Count)
        {
            Form.Columns.RemoveAt(slot);
        }

        return await AgainAsync(id, ct);
    }

    /// <summary>The form again with what was typed, after a column was added or removed.</summary>
    private async Task<IActionResult> AgainAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Template = await FindAsync(id.Value, await callers.GetAsync(ct), ct);
            if (Template is null)
            {
                return NotFound();
            }
        }

        return await ShowAsync(ct);
    }

    private void ShowRefusal(DomainException refusal, IReadOnlyList<int> slots)
    {
        var problems = new List<string>();
        foreach (var (field, keys) in refusal.FieldErrors)
        {
            var label = string.Join(" · ", TemplateFormFields.Label(field, slots).Select(l => l.Number is { } n ? text[l.Key, n].Value : text[l.Key].Value));
            foreach (var key in keys)
            {
                ModelState.AddModelError(TemplateFormFields.InputName(field, slots), text[key]);
                problems.Add(label.Length == 0 ? text[key] : text["Registry.Templates.Problem", label, text[key]]);
            }
        }

        Problems = problems.Count == 0 ? [text.Describe(refusal)] : problems;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        CareTags = await careTags.ForPersonAsync(Form.CareTagIds, ct);
        return Page();
    }

    private async Task<ReportTemplateView?> FindAsync(int id, Caller caller, CancellationToken ct)
    {
        try
        {
            return await templates.FindAsync(id, caller, ct);
        }
        catch (DomainException refusal) when (refusal.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }
}

using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Pages;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Categories;

/// <summary>
/// One category, new or existing, with every field: names, synonyms and examples one per line,
/// pinyin initials (filled as the names are typed, editable for polyphones), default urgency,
/// working time and, for a minor, the deadline table.
/// </summary>
[Authorize(Policy = CategoryAdmin.Policy)]
public sealed class EditModel(CategoryAdmin admin, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    public CategoryForm Input { get; set; } = new();

    /// <summary>The category being edited; null while adding one.</summary>
    public int? Id { get; private set; }

    /// <summary>The major a minor belongs to; null for a major.</summary>
    public CategoryRow? Major { get; private set; }

    public bool IsMinor => Input.ParentId is not null;

    public async Task<IActionResult> OnGetAsync(int? id, int? parentId, CancellationToken ct)
    {
        var caller = await callers.GetAsync(ct);
        if (id is { } existing)
        {
            var row = await admin.GetAsync(existing, caller, ct);
            Input = CategoryForm.From(row);
        }
        else
        {
            Input = new CategoryForm { ParentId = parentId, Deadlines = CategoryForm.DefaultDeadlines() };
        }

        return await ShowAsync(id, caller, ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        var caller = await callers.GetAsync(ct);
        var request = Input.ToRequest();
        try
        {
            var saved = id is { } existing ? await admin.UpdateAsync(existing, request, caller, ct) : await admin.CreateAsync(request, caller, ct);
            return RedirectToPage("/Categories/Admin", null, $"category-{saved.Id}");
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(text, refusal, field => PageRefusals.Under("Input", field));
            Response.StatusCode = refusal.Status;
            return await ShowAsync(id, caller, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int? id, Caller caller, CancellationToken ct)
    {
        Id = id;
        if (Input.ParentId is { } parentId)
        {
            var majors = await admin.ListAsync(caller, ct);
            Major = majors.FirstOrDefault(c => c.Id == parentId && c.ParentId is null) ?? throw DomainException.NotFound();
        }

        return Page();
    }

    public sealed class CategoryForm
    {
        public int? ParentId { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? PlainName { get; set; }
        public string? NameEn { get; set; }
        /// <summary>One per line.</summary>
        public string? Synonyms { get; set; }
        /// <summary>One per line.</summary>
        public string? Examples { get; set; }
        public string? Initials { get; set; }
        public Urgency? DefaultUrgency { get; set; }
        public bool WorkingTime { get; set; }
        public List<DeadlineCell> Deadlines { get; set; } = [];

        public static CategoryForm From(CategoryRow row) => new()
        {
            ParentId = row.ParentId,
            Code = row.Code,
            Name = row.Name,
            PlainName = row.PlainName,
            NameEn = row.NameEn,
            Synonyms = string.Join('\n', row.Synonyms),
            Examples = string.Join('\n', row.Examples),
            Initials = row.Initials,
            DefaultUrgency = row.DefaultUrgency,
            WorkingTime = row.WorkingTime,
            Deadlines = row.ParentId is null ? [] : [.. row.Deadlines],
        };

        public static List<DeadlineCell> DefaultDeadlines() =>
            [.. from s in CategoryAdmin.Steps from u in Enum.GetValues<Urgency>() select new DeadlineCell(s, u, Events.Deadlines.Fallback(s, u))];

        public CategoryRequest ToRequest() => new(
            ParentId, Code, Name, PlainName, NameEn, Lines(Synonyms), Lines(Examples), Initials?.Trim().ToLowerInvariant(),
            DefaultUrgency, WorkingTime, ParentId is null ? null : Deadlines);

        private static List<string> Lines(string? text) => [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}

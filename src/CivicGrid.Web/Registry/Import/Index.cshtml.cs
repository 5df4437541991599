using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Web.Registry.Import;

/// <summary>
/// 台账导入: upload a ledger, check which column is which, dry-run to see every row that would be
/// rejected and why, then import, which runs in the background while the
/// page shows its progress. The ledger waits server-side under its id
/// (<see cref="LedgerImports"/>); the page only ever sends that id back.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(LedgerImportDesk desk, LedgerImports imports, CallerAccessor callers, IStringLocalizer<Text> text) : PageModel
{
    private const long MaxRequestBytes = 60L * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty]
    public IFormFile? Ledger { get; set; }

    /// <summary>Field name → column index; an empty choice leaves the field out.</summary>
    [BindProperty]
    public Dictionary<string, int?> Mapping { get; set; } = [];

    public LedgerImportJob? Job { get; private set; }

    public Page<LedgerRejection>? Rejections { get; private set; }

    public List<string> Refusals { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return;
        }

        try
        {
            Job = await imports.FindAsync(Id, await callers.GetAsync(ct), ct);
        }
        catch (DomainException refused)
        {
            Refuse(refused);
            return;
        }

        if (Job.Counts is not null)
        {
            var all = await imports.RejectionsAsync(Job, ct);
            var page = new PageRequest(PageNumber, 50);
            Rejections = new Page<LedgerRejection>([.. all.Skip(page.Offset).Take(page.Size)], page.Number, page.Size, all.Count);
        }
    }

    public Task<IActionResult> OnPostUploadAsync(CancellationToken ct) =>
        StepAsync(async caller => (await desk.UploadAsync(Ledger, caller, ct)).Id, ct);

    public Task<IActionResult> OnPostMapAsync(CancellationToken ct) =>
        StepAsync(async caller =>
        {
            var chosen = Mapping.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Value);
            return (await desk.MapAsync(Id ?? "", chosen, caller, ct)).Id;
        }, ct);

    public Task<IActionResult> OnPostDryRunAsync(CancellationToken ct) =>
        StepAsync(async caller => { await desk.DryRunAsync(Id ?? "", caller, ct); return Id!; }, ct);

    public Task<IActionResult> OnPostRunAsync(CancellationToken ct) =>
        StepAsync(async caller => (await desk.StartAsync(Id ?? "", caller, ct)).Id, ct);

    /// <summary>The import's progress for the page's script (pages cannot call the Bearer-token API).</summary>
    public async Task<IActionResult> OnGetStateAsync(CancellationToken ct)
    {
        var job = await imports.FindAsync(Id ?? "", await callers.GetAsync(ct), ct);
        return new JsonResult(new { status = job.Status.ToString(), importing = job.IsImporting, job.RowsDone, job.RowsTotal, progress = Progress(job) });
    }

    public string Progress(LedgerImportJob job) => text["Registry.Import.Progress", job.RowsDone, job.RowsTotal ?? 0];

    public async Task<IActionResult> OnGetRejectionsAsync(CancellationToken ct)
    {
        var (fileName, content) = await desk.RejectionsAsync(Id ?? "", await callers.GetAsync(ct), ct);
        return File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    private async Task<IActionResult> StepAsync(Func<Caller, Task<string>> step, CancellationToken ct)
    {
        try
        {
            return RedirectToPage(new { id = await step(await callers.GetAsync(ct)) });
        }
        catch (DomainException refused)
        {
            Refuse(refused);
            await OnGetAsync(ct);
            return Page();
        }
    }

    private void Refuse(DomainException refused)
    {
        if (refused.FieldErrors.Count == 0)
        {
            Refusals.Add(text[refused.MessageKey, refused.Args]);
            return;
        }

        foreach (var (field, keys) in refused.FieldErrors)
        {
            var name = Enum.TryParse<LedgerField>(field, out var known) ? text[$"Registry.Import.Field.{known}"].Value : field;
            Refusals.AddRange(keys.Select(key => $"{name}：{text[key]}"));
        }
    }
}

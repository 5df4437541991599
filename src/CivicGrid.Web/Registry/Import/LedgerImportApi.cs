using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CivicGrid.Web.Registry.Import;

/// <summary>An uploaded ledger as the client sees it: its columns, the mapping (field → column index) and the last run's counts.</summary>
public sealed record LedgerImportView(
    string Id, string FileName, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> Mapping, string Status, LedgerCounts? Counts)
{
    public static LedgerImportView Of(LedgerImportJob job) =>
        new(job.Id, job.FileName, job.Headers, job.Mapping.ToDictionary(m => m.Key.ToString(), m => m.Value), job.Status.ToString(), job.Counts);
}

public sealed record LedgerMappingRequest(Dictionary<string, int>? Mapping);

/// <summary>
/// The ledger import's steps, in order: upload (the mapping is proposed), correct the mapping,
/// dry run (every rejected row and why, nothing written), import.
/// </summary>
public sealed class LedgerImportDesk(LedgerImports imports, LedgerImport import, RegistryScope scope, IStringLocalizer<Text> text)
{
    public async Task<LedgerImportJob> UploadAsync(IFormFile? file, Caller caller, CancellationToken ct)
    {
        if ((await scope.ReachAsync(caller, ct)).GridIds.Count == 0)
        {
            throw DomainException.Forbidden("Registry.Import.NoReach");
        }

        if (file is null)
        {
            throw DomainException.BadRequest("Registry.Import.NoFile");
        }

        return await imports.KeepAsync(file.FileName, file.Length, file.OpenReadStream, caller, ct);
    }

    public async Task<LedgerImportJob> MapAsync(string id, IReadOnlyDictionary<string, int>? mapping, Caller caller, CancellationToken ct)
    {
        var job = await imports.FindAsync(id, caller, ct);
        var validation = new Validation();
        var chosen = new Dictionary<LedgerField, int>();
        foreach (var (name, column) in mapping ?? new Dictionary<string, int>())
        {
            var known = Enum.TryParse<LedgerField>(name, ignoreCase: true, out var field) && !int.TryParse(name, out _);
            validation
                .Require(known, name, "Registry.Import.UnknownField")
                .Require(column >= 0 && column < job.Headers.Count, name, "Registry.Import.NoSuchColumn")
                .Require(!chosen.ContainsValue(column), name, "Registry.Import.ColumnTwice");
            if (known)
            {
                chosen[field] = column;
            }
        }

        foreach (var required in LedgerColumns.Required)
        {
            validation.Require(chosen.ContainsKey(required), required.ToString(), "Registry.Import.ColumnRequired");
        }

        validation.ThrowIfInvalid();
        job.Mapping = chosen;
        job.Status = LedgerImportStatus.Uploaded;
        job.Counts = null;
        await imports.SaveAsync(job, ct);
        return job;
    }

    /// <summary>The dry run (<paramref name="apply"/> false) or the import; an import needs a dry run of the same mapping first.</summary>
    public async Task<LedgerOutcome> RunAsync(string id, bool apply, Caller caller, CancellationToken ct)
    {
        var job = await imports.FindAsync(id, caller, ct);
        var missing = LedgerColumns.Required.Where(f => !job.Mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            var validation = new Validation();
            missing.ForEach(f => validation.Add(f.ToString(), "Registry.Import.ColumnRequired"));
            validation.ThrowIfInvalid();
        }

        if (apply && job.Status != LedgerImportStatus.Checked)
        {
            throw DomainException.Conflict("Registry.Import.DryRunFirst");
        }

        var outcome = await import.RunAsync(job, imports.FilePath(job), apply, caller, ct);
        job.Status = apply ? LedgerImportStatus.Imported : LedgerImportStatus.Checked;
        job.Counts = outcome.Counts;
        await imports.SaveAsync(job, ct);
        await imports.SaveRejectionsAsync(job, outcome.Rejections, ct);
        return outcome;
    }

    /// <summary>The last run's rejected rows as a workbook to correct the ledger from.</summary>
    public async Task<(string FileName, byte[] Content)> RejectionsAsync(string id, Caller caller, CancellationToken ct)
    {
        var job = await imports.FindAsync(id, caller, ct);
        var rows = (await imports.RejectionsAsync(job, ct)).Select(r => new Dictionary<string, object>
        {
            [text["Registry.Import.Row"]] = r.Row,
            [text["Registry.Import.Column"]] = r.Column,
            [text["Registry.Import.Reason"]] = r.Reason,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, excelType: ExcelType.XLSX, cancellationToken: ct);
        return ($"{Path.GetFileNameWithoutExtension(job.FileName)}-{text["Registry.Import.RejectedSuffix"]}.xlsx", stream.ToArray());
    }
}

public static class LedgerImportApi
{
    public static RouteGroupBuilder MapLedgerImportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/registry/imports").WithTags("Registry").RequireStaffApi();
        api.MapPost("/", UploadAsync).WithSummary("Upload a ledger (.xlsx, or .csv in UTF-8 or GBK): its columns and a proposed mapping").DisableAntiforgery();
        api.MapGet("/{id}", GetAsync).WithSummary("An uploaded ledger: columns, mapping, status and the last run's counts");
        api.MapPut("/{id}/mapping", MapAsync).WithSummary("Choose which column holds which field (field name → column index)");
        api.MapPost("/{id}/dry-run", DryRunAsync).WithSummary("Check every row without writing: counts and every rejected row with the reason");
        api.MapPost("/{id}/run", RunAsync).WithSummary("Import the valid rows after a dry run; importing the same file again changes nothing");
        api.MapGet("/{id}/rejections.xlsx", RejectionsAsync).WithSummary("The last run's rejected rows as a workbook");
        return api;
    }

    private static async Task<Created<LedgerImportView>> UploadAsync(IFormFile? file, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        var job = await desk.UploadAsync(file, await callers.GetAsync(ct), ct);
        return TypedResults.Created($"/api/v1/registry/imports/{job.Id}", LedgerImportView.Of(job));
    }

    private static async Task<Ok<LedgerImportView>> GetAsync(string id, LedgerImports imports, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(LedgerImportView.Of(await imports.FindAsync(id, await callers.GetAsync(ct), ct)));

    private static async Task<Ok<LedgerImportView>> MapAsync(string id, LedgerMappingRequest request, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(LedgerImportView.Of(await desk.MapAsync(id, request.Mapping, await callers.GetAsync(ct), ct)));

    private static async Task<Ok<LedgerOutcome>> DryRunAsync(string id, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.RunAsync(id, apply: false, await callers.GetAsync(ct), ct));

    private static async Task<Ok<LedgerOutcome>> RunAsync(string id, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.RunAsync(id, apply: true, await callers.GetAsync(ct), ct));

    private static async Task<FileContentHttpResult> RejectionsAsync(string id, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        var (fileName, content) = await desk.RejectionsAsync(id, await callers.GetAsync(ct), ct);
        return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}

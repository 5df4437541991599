using System.Globalization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Localization;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace CivicGrid.Web.Registry.Import;

/// <summary>
/// An uploaded ledger as the client sees it: its columns, the mapping (field → column index), its
/// status, while it is imported the rows done of the total, the last run's counts and why an
/// import failed.
/// </summary>
public sealed record LedgerImportView(
    string Id, string FileName, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, int> Mapping, string Status,
    int RowsDone, int? RowsTotal, LedgerCounts? Counts, string? Failure)
{
    public static LedgerImportView Of(LedgerImportJob job, IStringLocalizer<Text> text) =>
        new(job.Id, job.FileName, job.Headers, job.Mapping.ToDictionary(m => m.Key.ToString(), m => m.Value), job.Status.ToString(),
            job.RowsDone, job.RowsTotal, job.Counts, job.Failure is { } failure ? text[failure.Key, [.. failure.Args]].Value : null);
}

public sealed record LedgerMappingRequest(Dictionary<string, int>? Mapping);

/// <summary>
/// The ledger import's steps, in order: upload (the mapping is proposed), correct the mapping,
/// dry run (every rejected row and why, nothing written), import (queued for
/// <see cref="LedgerImportWorker"/>, which calls <see cref="ImportAsync"/>).
/// </summary>
public sealed class LedgerImportDesk(
    LedgerImports imports, LedgerImportQueue queue, LedgerImport import, RegistryScope scope, CallerAccessor callers,
    TimeProvider clock, IStringLocalizer<Text> text)
{
    public async Task<LedgerImportJob> UploadAsync(IFormFile? file, Caller caller, CancellationToken ct)
    {
        await RequireReachAsync(caller, ct);
        if (file is null)
        {
            throw DomainException.BadRequest("Registry.Import.NoFile");
        }

        return await imports.KeepAsync(file.FileName, file.Length, file.OpenReadStream, caller, ct);
    }

    public async Task<LedgerImportJob> MapAsync(string id, IReadOnlyDictionary<string, int>? mapping, Caller caller, CancellationToken ct)
    {
        var headers = (await imports.FindAsync(id, caller, ct)).Headers;
        var validation = new Validation();
        var chosen = new Dictionary<LedgerField, int>();
        foreach (var (name, column) in mapping ?? new Dictionary<string, int>())
        {
            var known = Enum.TryParse<LedgerField>(name, ignoreCase: true, out var field) && !int.TryParse(name, out _);
            validation
                .Require(known, name, "Registry.Import.UnknownField")
                .Require(column >= 0 && column < headers.Count, name, "Registry.Import.NoSuchColumn")
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
        return await imports.ChangeAsync(id, caller, job =>
        {
            job.Mapping = chosen;
            job.Status = LedgerImportStatus.Uploaded;
            job.Counts = null;
        }, ct);
    }

    /// <summary>Checks every row and writes nothing: what the import will do, and every row it will skip with the reason.</summary>
    public async Task<LedgerOutcome> DryRunAsync(string id, Caller caller, CancellationToken ct)
    {
        var job = await imports.FindAsync(id, caller, ct);
        RequireMapping(job);
        if (job.IsImporting)
        {
            throw DomainException.Conflict("Registry.Import.Importing");
        }

        var outcome = await import.RunAsync(job, imports.FilePath(job), apply: false, caller, progress: null, ct);
        await imports.ChangeAsync(id, caller, now =>
        {
            // The mapping was changed while this run read the file: its counts are not the new mapping's.
            if (!now.Mapping.OrderBy(m => m.Key).SequenceEqual(job.Mapping.OrderBy(m => m.Key)))
            {
                throw DomainException.Conflict("Registry.ChangedMeanwhile");
            }

            now.Status = LedgerImportStatus.Checked;
            now.Counts = outcome.Counts;
            now.Failure = null;
        }, ct);
        await imports.SaveRejectionsAsync(job, outcome.Rejections, ct);
        return outcome;
    }

    /// <summary>
    /// Queues the import, which needs a dry run of the same mapping first; an import that failed
    /// may be started again. It runs as the caller, whose account and reach are checked again then.
    /// </summary>
    public async Task<LedgerImportJob> StartAsync(string id, Caller caller, CancellationToken ct)
    {
        await RequireReachAsync(caller, ct);
        var job = await imports.ChangeAsync(id, caller, job =>
        {
            RequireMapping(job);
            if (job.Status is not (LedgerImportStatus.Checked or LedgerImportStatus.Failed))
            {
                throw DomainException.Conflict("Registry.Import.DryRunFirst");
            }

            job.RowsTotal = job.Counts?.Rows ?? job.RowsTotal;
            job.Status = LedgerImportStatus.Queued;
            job.QueuedAt = clock.GetUtcNow().UtcDateTime;
            job.RowsDone = 0;
            job.Counts = null;
            job.Failure = null;
        }, ct);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>
    /// The import worker's part: writes the valid rows batch by batch as the staff member who
    /// started it, keeping the rows done in the job after every batch. A refusal (the account gone,
    /// no reach left) or a fault ends it as failed with the reason; stopping the server leaves it
    /// running, for the next start to pick up.
    /// </summary>
    public async Task ImportAsync(string id, CancellationToken ct)
    {
        if (await imports.LoadAsync(id, ct) is not { IsImporting: true } job)
        {
            return;
        }

        job.Status = LedgerImportStatus.Running;
        job.RowsDone = 0;
        await imports.SaveAsync(job, ct);
        try
        {
            var caller = await callers.FindAsync(job.OwnerId, ct) ?? throw DomainException.Forbidden("Registry.Import.StarterGone");
            var outcome = await import.RunAsync(job, imports.FilePath(job), apply: true, caller, async rows =>
            {
                job.RowsDone = rows;
                await imports.SaveAsync(job, ct);
            }, ct);
            await imports.SaveRejectionsAsync(job, outcome.Rejections, ct);
            job.Status = LedgerImportStatus.Imported;
            job.Counts = outcome.Counts;
            job.RowsDone = outcome.Counts.Rows;
            await imports.SaveAsync(job, ct);
        }
        catch (DomainException refused)
        {
            await FailAsync(job, new LedgerFailure(refused.MessageKey, [.. refused.Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]));
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            await FailAsync(job, new LedgerFailure("Registry.Import.Fault", []));
            throw;
        }
    }

    private async Task FailAsync(LedgerImportJob job, LedgerFailure failure)
    {
        job.Status = LedgerImportStatus.Failed;
        job.Failure = failure;
        await imports.SaveAsync(job, CancellationToken.None);
    }

    private async Task RequireReachAsync(Caller caller, CancellationToken ct)
    {
        if ((await scope.ReachAsync(caller, ct)).GridIds.Count == 0)
        {
            throw DomainException.Forbidden("Registry.Import.NoReach");
        }
    }

    private static void RequireMapping(LedgerImportJob job)
    {
        var missing = LedgerColumns.Required.Where(f => !job.Mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            var validation = new Validation();
            missing.ForEach(f => validation.Add(f.ToString(), "Registry.Import.ColumnRequired"));
            validation.ThrowIfInvalid();
        }
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
        api.MapGet("/{id}", GetAsync).WithSummary("An uploaded ledger: columns, mapping, status (Queued, Running with rowsDone of rowsTotal, Imported, Failed with the reason) and the last run's counts");
        api.MapPut("/{id}/mapping", MapAsync).WithSummary("Choose which column holds which field (field name → column index)");
        api.MapPost("/{id}/dry-run", DryRunAsync).WithSummary("Check every row without writing: counts and every rejected row with the reason");
        api.MapPost("/{id}/run", RunAsync).WithSummary("Start importing the valid rows after a dry run (202; follow the import's status, rowsDone and rowsTotal); importing the same file again changes nothing");
        api.MapGet("/{id}/rejections.xlsx", RejectionsAsync).WithSummary("The last run's rejected rows as a workbook");
        return api;
    }

    private static async Task<Created<LedgerImportView>> UploadAsync(IFormFile? file, LedgerImportDesk desk, CallerAccessor callers, IStringLocalizer<Text> text, CancellationToken ct)
    {
        var job = await desk.UploadAsync(file, await callers.GetAsync(ct), ct);
        return TypedResults.Created(Url(job), LedgerImportView.Of(job, text));
    }

    private static async Task<Ok<LedgerImportView>> GetAsync(string id, LedgerImports imports, CallerAccessor callers, IStringLocalizer<Text> text, CancellationToken ct) =>
        TypedResults.Ok(LedgerImportView.Of(await imports.FindAsync(id, await callers.GetAsync(ct), ct), text));

    private static async Task<Ok<LedgerImportView>> MapAsync(
        string id, LedgerMappingRequest request, LedgerImportDesk desk, CallerAccessor callers, IStringLocalizer<Text> text, CancellationToken ct) =>
        TypedResults.Ok(LedgerImportView.Of(await desk.MapAsync(id, request.Mapping, await callers.GetAsync(ct), ct), text));

    private static async Task<Ok<LedgerOutcome>> DryRunAsync(string id, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct) =>
        TypedResults.Ok(await desk.DryRunAsync(id, await callers.GetAsync(ct), ct));

    private static async Task<Accepted<LedgerImportView>> RunAsync(string id, LedgerImportDesk desk, CallerAccessor callers, IStringLocalizer<Text> text, CancellationToken ct)
    {
        var job = await desk.StartAsync(id, await callers.GetAsync(ct), ct);
        return TypedResults.Accepted(Url(job), LedgerImportView.Of(job, text));
    }

    private static string Url(LedgerImportJob job) => $"/api/v1/registry/imports/{job.Id}";

    private static async Task<FileContentHttpResult> RejectionsAsync(string id, LedgerImportDesk desk, CallerAccessor callers, CancellationToken ct)
    {
        var (fileName, content) = await desk.RejectionsAsync(id, await callers.GetAsync(ct), ct);
        return TypedResults.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }
}

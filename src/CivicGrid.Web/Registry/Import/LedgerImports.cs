using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Registry.Import;

public enum LedgerImportStatus
{
    /// <summary>Uploaded, its mapping proposed or changed: a dry run comes next.</summary>
    Uploaded,
    /// <summary>Dry-run with the current mapping: it may be imported.</summary>
    Checked,
    /// <summary>Waiting for the import worker (<see cref="LedgerImportWorker"/>).</summary>
    Queued,
    /// <summary>Being imported: <see cref="LedgerImportJob.RowsDone"/> of <see cref="LedgerImportJob.RowsTotal"/>.</summary>
    Running,
    /// <summary>The import finished: <see cref="LedgerImportJob.Counts"/> are its own.</summary>
    Imported,
    /// <summary>The import stopped before its end; <see cref="LedgerImportJob.Failure"/> says why, and the batches already saved stay.</summary>
    Failed,
}

/// <summary>Why an import failed, as a text key and its arguments, shown in the reader's language.</summary>
public sealed record LedgerFailure(string Key, IReadOnlyList<string> Args);

/// <summary>An uploaded ledger: whose it is, its columns, the mapping chosen and the last run's counts.</summary>
public sealed class LedgerImportJob
{
    public required string Id { get; init; }
    public required Guid OwnerId { get; init; }
    public required string FileName { get; init; }
    public required LedgerFormat Format { get; init; }
    public required IReadOnlyList<string> Headers { get; init; }
    public Dictionary<LedgerField, int> Mapping { get; set; } = [];
    public LedgerImportStatus Status { get; set; }
    public LedgerCounts? Counts { get; set; }
    public DateTime UploadedAt { get; init; }
    public int RowsDone { get; set; }
    /// <summary>The rows the dry run counted; the import reports its progress against it.</summary>
    public int? RowsTotal { get; set; }
    public LedgerFailure? Failure { get; set; }
    public DateTime? QueuedAt { get; set; }

    public bool IsImporting => Status is LedgerImportStatus.Queued or LedgerImportStatus.Running;
}

/// <summary>
/// Keeps uploaded ledgers in the import folder between the mapping, the dry run and the import:
/// the file itself, and beside it its job and the last run's rejected rows as JSON. A job belongs
/// to the staff member who uploaded it; anyone else's id finds nothing.
/// </summary>
public sealed class LedgerImports(IOptions<RegistryOptions> options, IHostEnvironment host, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>One change of a job's state at a time, so two requests cannot both start the same import.</summary>
    private readonly SemaphoreSlim _changing = new(1, 1);

    private string Folder => Path.GetFullPath(options.Value.ImportFolder, host.ContentRootPath);

    public async Task<LedgerImportJob> KeepAsync(string? fileName, long length, Func<Stream> open, Caller caller, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (string.IsNullOrWhiteSpace(name) || length == 0)
        {
            throw DomainException.BadRequest(string.IsNullOrWhiteSpace(name) ? "Registry.Import.NoFile" : "Registry.Import.Empty");
        }

        var format = LedgerFile.FormatOf(name) ?? throw DomainException.BadRequest("Registry.Import.WrongType");
        if (length > options.Value.ImportMaxBytes)
        {
            throw new DomainException(StatusCodes.Status413PayloadTooLarge, "Registry.Import.TooLarge", options.Value.ImportMaxBytes / (1024 * 1024));
        }

        Directory.CreateDirectory(Folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = FilePath(id, format);
        await using (var target = File.Create(path))
        await using (var source = open())
        {
            await source.CopyToAsync(target, ct);
        }

        string[]? header;
        try
        {
            header = LedgerFile.Rows(path, format).FirstOrDefault();
        }
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            File.Delete(path);
            throw DomainException.BadRequest("Registry.Import.Unreadable");
        }

        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            File.Delete(path);
            throw DomainException.BadRequest(header is null ? "Registry.Import.Empty" : "Registry.Import.NoHeader");
        }

        var job = new LedgerImportJob
        {
            Id = id,
            OwnerId = caller.UserId,
            FileName = name.Length > 150 ? name[..150] : name,
            Format = format,
            Headers = header,
            Mapping = LedgerColumns.Propose(header),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        await SaveAsync(job, ct);
        return job;
    }

    public async Task<LedgerImportJob> FindAsync(string id, Caller caller, CancellationToken ct)
    {
        var job = await LoadAsync(id, ct);
        return job is not null && job.OwnerId == caller.UserId ? job : throw DomainException.NotFound();
    }

    /// <summary>
    /// Changes the caller's job as it is on disk now; a job queued or being imported is the import
    /// worker's until it ends, and any change to it is refused.
    /// </summary>
    public async Task<LedgerImportJob> ChangeAsync(string id, Caller caller, Action<LedgerImportJob> change, CancellationToken ct)
    {
        await _changing.WaitAsync(ct);
        try
        {
            var job = await FindAsync(id, caller, ct);
            if (job.IsImporting)
            {
                throw DomainException.Conflict("Registry.Import.Importing");
            }

            change(job);
            await SaveAsync(job, ct);
            return job;
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>The job whoever it belongs to, for the import worker; null when there is none.</summary>
    public async Task<LedgerImportJob?> LoadAsync(string id, CancellationToken ct)
    {
        var path = JobPath(id);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<LedgerImportJob>(stream, Json, ct);
    }

    /// <summary>
    /// Written beside and moved over the old file, so a page polling the progress never reads half a
    /// job, and a crash mid-write leaves the last state whole.
    /// </summary>
    public async Task SaveAsync(LedgerImportJob job, CancellationToken ct)
    {
        var path = JobPath(job.Id)!;
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var stream = File.Create(written))
        {
            await JsonSerializer.SerializeAsync(stream, job, Json, ct);
        }

        File.Move(written, path, overwrite: true);
    }

    /// <summary>Imports a stopped server left queued or running, oldest first.</summary>
    public async Task<IReadOnlyList<string>> UnfinishedAsync(CancellationToken ct)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var jobs = new List<LedgerImportJob>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json").Where(p => !p.EndsWith(".rejections.json", StringComparison.Ordinal)))
        {
            if (await LoadAsync(Path.GetFileNameWithoutExtension(path), ct) is { IsImporting: true } job)
            {
                jobs.Add(job);
            }
        }

        return [.. jobs.OrderBy(j => j.QueuedAt).Select(j => j.Id)];
    }

    public string FilePath(LedgerImportJob job) => FilePath(job.Id, job.Format);

    public async Task SaveRejectionsAsync(LedgerImportJob job, IReadOnlyList<LedgerRejection> rejections, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(Folder, $"{job.Id}.rejections.json"));
        await JsonSerializer.SerializeAsync(stream, rejections, Json, ct);
    }

    public async Task<IReadOnlyList<LedgerRejection>> RejectionsAsync(LedgerImportJob job, CancellationToken ct)
    {
        var path = Path.Combine(Folder, $"{job.Id}.rejections.json");
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<LedgerRejection>>(stream, Json, ct) ?? [];
    }

    private string FilePath(string id, LedgerFormat format) => Path.Combine(Folder, $"{id}.{format.ToString().ToLowerInvariant()}");

    private string? JobPath(string id) =>
        id is { Length: 32 } && id.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0 ? Path.Combine(Folder, $"{id}.json") : null;
}

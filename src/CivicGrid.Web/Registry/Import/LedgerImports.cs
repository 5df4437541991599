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
    Imported,
}

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
}

/// <summary>
/// Keeps uploaded ledgers in the import folder between the mapping, the dry run and the import:
/// the file itself, and beside it its job and the last run's rejected rows as JSON. A job belongs
/// to the staff member who uploaded it; anyone else's id finds nothing.
/// </summary>
public sealed class LedgerImports(IOptions<RegistryOptions> options, IHostEnvironment host, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

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
        var path = JobPath(id);
        if (path is null || !File.Exists(path))
        {
            throw DomainException.NotFound();
        }

        await using var stream = File.OpenRead(path);
        var job = await JsonSerializer.DeserializeAsync<LedgerImportJob>(stream, Json, ct);
        return job is not null && job.OwnerId == caller.UserId ? job : throw DomainException.NotFound();
    }

    public async Task SaveAsync(LedgerImportJob job, CancellationToken ct)
    {
        await using var stream = File.Create(JobPath(job.Id)!);
        await JsonSerializer.SerializeAsync(stream, job, Json, ct);
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

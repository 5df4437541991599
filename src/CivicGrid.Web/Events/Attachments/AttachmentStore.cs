using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>Keeps attachment bytes on disk under generated names, outside the web root.</summary>
public sealed class AttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment host)
{
    private string Root => Path.GetFullPath(options.Value.StoragePath, host.ContentRootPath);

    public async Task<string> SaveAsync(Stream content, string extension, DateTime nowUtc, CancellationToken ct)
    {
        var key = $"{nowUtc:yyyy}/{nowUtc:MM}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
        return key;
    }

    public Stream Open(string key) => File.OpenRead(PathOf(key));

    public void Delete(string key) => File.Delete(PathOf(key));

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Attachment key escapes the storage folder.");
    }
}

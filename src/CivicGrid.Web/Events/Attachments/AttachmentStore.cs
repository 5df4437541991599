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

    public bool Exists(string key) => File.Exists(PathOf(key));

    /// <summary>Null when the file is not there; readers share with a writer replacing it.</summary>
    public Stream? TryOpen(string key)
    {
        try
        {
            return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes beside the final name, then renames: a reader sees the whole file or none, and two
    /// writers of the same content (two requests, two instances) simply replace each other.
    /// </summary>
    public async Task ReplaceAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Where the public copy of a stored photo is kept; always JPEG.</summary>
    public static string PublicCopyKey(string key) => Path.ChangeExtension($"public/{key}", ".jpg");

    public void Delete(string key)
    {
        File.Delete(PathOf(key));
        File.Delete(PathOf(PublicCopyKey(key)));
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return path.StartsWith(Root, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Attachment key escapes the storage folder.");
    }
}

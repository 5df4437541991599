using System.Globalization;
using System.Security.Cryptography;
using CivicGrid.Web.Identity;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Keeps a grid file uploaded on the import page between its preview and the administrator's
/// confirmation, so the confirmation imports the very file that was previewed and checks it
/// again, without trusting anything the browser sends back but a random name. Each file belongs
/// to the administrator who uploaded it and lives <see cref="Lifetime"/>.
/// </summary>
/// <remarks>
/// The owner and the expiry are part of the file name ("{user}.{expires}.{token}.geojson"), so
/// finding a file needs no index and another person's token finds nothing.
/// </remarks>
public sealed class GridImportUploads(IOptions<GeographyOptions> options, IHostEnvironment host, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const string Extension = ".geojson";

    private string Folder => Path.GetFullPath(options.Value.ImportFolder, host.ContentRootPath);

    /// <summary>Stores the file and returns its token, 32 hexadecimal digits.</summary>
    public async Task<string> KeepAsync(byte[] content, Caller caller, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var path = Path.Combine(Folder, $"{caller.UserId:N}.{expires.ToString(CultureInfo.InvariantCulture)}.{token}{Extension}");
        await File.WriteAllBytesAsync(path, content, ct);
        return token;
    }

    /// <summary>The caller's file of that token, or null when there is none or it has expired.</summary>
    public async Task<byte[]?> FindAsync(string? token, Caller caller, CancellationToken ct) =>
        PathOf(token, caller) is { } path && !IsExpired(path) ? await File.ReadAllBytesAsync(path, ct) : null;

    public void Remove(string? token, Caller caller)
    {
        if (PathOf(token, caller) is { } path)
        {
            File.Delete(path);
        }
    }

    private string? PathOf(string? token, Caller caller)
    {
        if (token is not { Length: 32 } || token.AsSpan().IndexOfAnyExcept("0123456789abcdef") >= 0 || !Directory.Exists(Folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(Folder, $"{caller.UserId:N}.*.{token}{Extension}").FirstOrDefault();
    }

    private bool IsExpired(string path)
    {
        var parts = Path.GetFileName(path).Split('.');
        return parts.Length != 4 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || clock.GetUtcNow().ToUnixTimeSeconds() >= expires;
    }

    private void RemoveExpired()
    {
        foreach (var path in Directory.EnumerateFiles(Folder, $"*{Extension}").Where(IsExpired))
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Another request is removing it too, or it is still being read: the next upload tries again.
            }
        }
    }
}

using System.Security.Cryptography;

namespace CivicGrid.Web.Registry.Privacy;

/// <summary>
/// The secret of the lookup hashes, kept beside the encryption keys. Unlike those it cannot
/// rotate by itself: every stored hash depends on it, so it is made once and kept.
/// </summary>
public sealed class LookupKey
{
    private const string FileName = "lookup.key";

    public LookupKey(string keyFolder)
    {
        Directory.CreateDirectory(keyFolder);
        var path = Path.Combine(keyFolder, FileName);
        if (!File.Exists(path))
        {
            try
            {
                using var created = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write));
                created.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it first; read theirs.
            }
        }

        Bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
    }

    public byte[] Bytes { get; }
}

using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>
/// Recognises an image by its first bytes, never by its name or declared type, and reads the
/// GPS position from its EXIF block when there is one.
/// </summary>
public static class ImageInspector
{
    public sealed record ImageKind(string ContentType, string Extension);

    private static readonly ImageKind Jpeg = new("image/jpeg", ".jpg");
    private static readonly ImageKind Png = new("image/png", ".png");
    private static readonly ImageKind WebP = new("image/webp", ".webp");
    private static readonly ImageKind Heic = new("image/heic", ".heic");

    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    public static ImageKind? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        // ISO base media file: a box size, then "ftyp" and the major brand.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return HeifBrands.Contains(brand) ? Heic : null;
        }

        return null;
    }

    /// <summary>The photo's GPS position, or null when it has none or it cannot be read.</summary>
    public static (double Latitude, double Longitude)? ReadGps(Stream image)
    {
        try
        {
            var gps = ImageMetadataReader.ReadMetadata(image).OfType<GpsDirectory>().FirstOrDefault();
            return gps?.GetGeoLocation() is { IsZero: false } location ? (location.Latitude, location.Longitude) : null;
        }
        catch (Exception e) when (e is ImageProcessingException or IOException or MetadataException)
        {
            return null;
        }
    }
}

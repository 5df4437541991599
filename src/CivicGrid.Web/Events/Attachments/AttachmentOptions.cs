using System.ComponentModel.DataAnnotations;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>Section "Attachments".</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Folder for uploaded files, outside the web root.</summary>
    [Required]
    public string StoragePath { get; set; } = "data/uploads";

    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 20)]
    public int MaxFilesPerRequest { get; set; } = 9;

    /// <summary>Longest side of the copy the public sees: sharp on a phone, light enough for 3G.</summary>
    [Range(320, 4096)]
    public int PublicLongSide { get; set; } = 1280;

    [Range(30, 95)]
    public int PublicJpegQuality { get; set; } = 80;

    /// <summary>
    /// Photos with more pixels than this are not decoded for the public copy: a small file can
    /// claim a huge canvas, and decoding it would take the memory of the server.
    /// </summary>
    [Range(10_000, 200_000_000)]
    public long PublicMaxPixels { get; set; } = 60_000_000;
}

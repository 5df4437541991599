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
}

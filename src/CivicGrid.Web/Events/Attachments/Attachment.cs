namespace CivicGrid.Web.Events.Attachments;

public enum AttachmentStage
{
    /// <summary>整改前: what was found.</summary>
    Before = 1,
    /// <summary>整改后: evidence of the result.</summary>
    After = 2,
}

/// <summary>
/// A photo kept with an event. The bytes live outside the web root under <see cref="StorageKey"/>;
/// the GPS position read from EXIF is for staff only and never leaves through a public view.
/// </summary>
public class Attachment
{
    public Guid Id { get; set; }
    public long EventId { get; set; }
    public long? TimelineEntryId { get; set; }
    public AttachmentStage Stage { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string StorageKey { get; set; }
    public double? GpsLatitude { get; set; }
    public double? GpsLongitude { get; set; }
    public Guid UploadedById { get; set; }
    public DateTime UploadedAt { get; set; }
}

using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>
/// Checks every upload of a request before any of them is written, then stores them.
/// A request with one bad file stores nothing.
/// </summary>
public sealed class AttachmentIntake(AttachmentStore store, IOptions<AttachmentOptions> options)
{
    private const int HeadLength = 32;

    public async Task<List<Attachment>> AcceptAsync(long eventId, IReadOnlyList<Upload> uploads, AttachmentStage stage, Guid uploadedBy, DateTime nowUtc, CancellationToken ct)
    {
        var limits = options.Value;
        if (uploads.Count > limits.MaxFilesPerRequest)
        {
            throw DomainException.BadRequest("Upload.TooMany", limits.MaxFilesPerRequest);
        }

        var kinds = new List<ImageInspector.ImageKind>(uploads.Count);
        foreach (var upload in uploads)
        {
            if (upload.Length == 0)
            {
                throw DomainException.BadRequest("Upload.Empty", upload.FileName);
            }

            if (upload.Length > limits.MaxBytes)
            {
                throw DomainException.BadRequest("Upload.TooLarge", upload.FileName, limits.MaxBytes / (1024 * 1024));
            }

            kinds.Add(await RecogniseAsync(upload, ct) ?? throw DomainException.BadRequest("Upload.NotAnImage", upload.FileName));
        }

        var accepted = new List<Attachment>(uploads.Count);
        try
        {
            for (var i = 0; i < uploads.Count; i++)
            {
                accepted.Add(await StoreAsync(eventId, uploads[i], kinds[i], stage, uploadedBy, nowUtc, ct));
            }
        }
        catch
        {
            Discard(accepted);
            throw;
        }

        return accepted;
    }

    /// <summary>Removes stored files whose database rows were never written.</summary>
    public void Discard(IEnumerable<Attachment> attachments)
    {
        foreach (var attachment in attachments)
        {
            store.Delete(attachment.StorageKey);
        }
    }

    private static async Task<ImageInspector.ImageKind?> RecogniseAsync(Upload upload, CancellationToken ct)
    {
        await using var stream = upload.Open();
        var head = new byte[HeadLength];
        var read = await stream.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, ct);
        return ImageInspector.Recognise(head.AsSpan(0, read));
    }

    private async Task<Attachment> StoreAsync(long eventId, Upload upload, ImageInspector.ImageKind kind, AttachmentStage stage, Guid uploadedBy, DateTime nowUtc, CancellationToken ct)
    {
        string key;
        await using (var content = upload.Open())
        {
            key = await store.SaveAsync(content, kind.Extension, nowUtc, ct);
        }

        (double Latitude, double Longitude)? gps;
        await using (var saved = store.Open(key))
        {
            gps = ImageInspector.ReadGps(saved);
        }

        return new Attachment
        {
            Id = Guid.NewGuid(),
            EventId = eventId,
            Stage = stage,
            FileName = SafeName(upload.FileName, kind.Extension),
            ContentType = kind.ContentType,
            Length = upload.Length,
            StorageKey = key,
            GpsLatitude = gps?.Latitude,
            GpsLongitude = gps?.Longitude,
            UploadedById = uploadedBy,
            UploadedAt = nowUtc,
        };
    }

    /// <summary>The client's name is only a label: keep its readable part, never its path.</summary>
    private static string SafeName(string fileName, string extension)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var clean = new string(name.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '/' or '\\')).ToArray()).Trim();
        return (clean.Length == 0 ? "photo" : clean[..Math.Min(clean.Length, 100)]) + extension;
    }
}

using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Events.Attachments;

/// <summary>Photos added to an existing event, to be cited by the next action as its evidence.</summary>
public sealed class EventAttachments(CivicGridDb db, AttachmentIntake intake, AttachmentStore store, TimeProvider clock)
{
    public async Task<List<AttachmentView>> AddAsync(long eventId, IReadOnlyList<Upload> uploads, AttachmentStage stage, Caller caller, CancellationToken ct)
    {
        if (!await db.Events.VisibleTo(caller).AnyAsync(e => e.Id == eventId, ct))
        {
            throw DomainException.NotFound();
        }

        if (uploads.Count == 0)
        {
            throw DomainException.BadRequest("Upload.NoFiles");
        }

        var stored = await intake.AcceptAsync(eventId, uploads, stage, caller.UserId, clock.GetUtcNow().UtcDateTime, ct);
        try
        {
            db.Attachments.AddRange(stored);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            intake.Discard(stored);
            throw;
        }

        return stored.Select(a => new AttachmentView(a.Id, a.Stage, a.FileName, a.ContentType, a.Length, a.GpsLatitude, a.GpsLongitude, a.UploadedAt)).ToList();
    }

    public async Task<(Attachment Attachment, Stream Content)> OpenAsync(long eventId, Guid attachmentId, Caller caller, CancellationToken ct)
    {
        var attachment = await db.Events.VisibleTo(caller)
            .Where(e => e.Id == eventId)
            .SelectMany(e => e.Attachments)
            .SingleOrDefaultAsync(a => a.Id == attachmentId, ct)
            ?? throw DomainException.NotFound();
        return (attachment, store.Open(attachment.StorageKey));
    }
}

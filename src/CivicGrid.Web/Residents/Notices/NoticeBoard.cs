using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Notifications;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>
/// The staff side of 通知回执: send a notice to the residents whose home is in a grid or community of
/// the caller's place, each told by SMS; then follow who read it and who comes. A notice whose audience
/// lies outside the caller's place does not exist for them (404).
/// </summary>
public sealed class NoticeBoard(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    NotificationOutbox outbox,
    TagGroups tagGroups,
    TimeProvider clock)
{
    public async Task<StaffNoticeDetail> SendAsync(NoticeRequest request, Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meetingAt = request.MeetingAt is { } at ? AsUtc(at) : (DateTime?)null;
        var check = new Validation()
            .Text(request.Title, "title", NoticeConfiguration.TitleMaxLength)
            .Text(request.Body, "body", NoticeConfiguration.BodyMaxLength)
            .Text(request.MeetingPlace, "meetingPlace", NoticeConfiguration.PlaceMaxLength, required: false)
            .Require(request.AudienceId is not null || request.TagGroupId is not null, "audienceId", "Validation.Required")
            .Require(!request.AsksAttendance || meetingAt is not null, "meetingAt", "Notice.MeetingNeeded")
            .Require(meetingAt is null || meetingAt > now, "meetingAt", "Notice.MeetingPast");
        check.ThrowIfInvalid();

        UnitInfo audience;
        TagGroup? tagGroup = null;
        IQueryable<Resident> audienceResidents;
        if (request.TagGroupId is { } groupId)
        {
            (audience, tagGroup, var members) = await tagGroups.AudienceAsync(groupId, caller, ct);
            audienceResidents = db.Residents.Where(r => members.Contains(r.Id));
        }
        else
        {
            var units = await organisation.GetAsync(ct);
            audience = NoticeDesk.AudienceFor(units, request.AudienceId!.Value, caller);
            List<int> grids = audience.Kind == OrgUnitKind.Grid
                ? [audience.Id]
                : [.. units.ChildrenOf(audience.Id).Where(u => u.Kind == OrgUnitKind.Grid).Select(u => u.Id)];
            audienceResidents = db.Residents.Where(r => r.HomeGridId != null && grids.Contains(r.HomeGridId.Value));
        }

        var residents = await audienceResidents.AsNoTracking().Select(r => new { r.Id, r.Phone }).ToListAsync(ct);
        if (residents.Count == 0)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { [tagGroup is null ? "audienceId" : "tagGroupId"] = [tagGroup is null ? "Notice.NoResidents" : "Notice.EmptyGroup"] });
        }

        var notice = new Notice
        {
            Title = request.Title!.Trim(),
            Body = request.Body!.Trim(),
            MeetingAt = meetingAt,
            MeetingPlace = string.IsNullOrWhiteSpace(request.MeetingPlace) ? null : request.MeetingPlace.Trim(),
            AsksAttendance = request.AsksAttendance,
            AudienceId = audience.Id,
            AudiencePath = audience.Path,
            TagGroupId = tagGroup?.Id,
            TagGroupName = tagGroup?.Name,
            SentById = caller.UserId,
            SentByName = caller.DisplayName,
            SentByUnitName = caller.UnitName,
            SentAt = now,
            Recipients = [.. residents.Select(r => new NoticeRecipient { ResidentId = r.Id })],
        };
        db.Notices.Add(notice);
        foreach (var resident in residents)
        {
            outbox.ToResidentNotice(resident.Id, resident.Phone, notice.Title, caller.UnitName);
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(notice.Id, caller, ct);
    }

    /// <summary>The notices to the caller's place, newest first, each with its tally.</summary>
    public async Task<Page<StaffNotice>> ListAsync(PageRequest page, Caller caller, CancellationToken ct) =>
        await InScope(caller)
            .OrderByDescending(n => n.SentAt).ThenByDescending(n => n.Id)
            .Select(n => new StaffNotice(n.Id, n.Title, AudienceLabel(n.Audience!.Kind, n.Audience.Parent!.Name, n.Audience.Name, n.TagGroupName), n.MeetingAt, n.AsksAttendance, n.SentByName, n.SentAt, new NoticeTally(
                n.Id,
                n.Recipients.Count,
                n.Recipients.Count(r => r.ReadAt != null),
                n.Recipients.Count(r => r.Answer == NoticeAnswer.Attend),
                n.Recipients.Count(r => r.Answer == NoticeAnswer.Decline),
                n.Recipients.Count(r => r.Answer == null))))
            .ToPageAsync(page, ct);

    /// <summary>"毅阳社区 · 第3网格 · 楼栋长": every community numbers its grids from 1, so a grid alone names nothing.</summary>
    public static string AudienceLabel(OrgUnitKind kind, string? parentName, string name, string? tagGroupName) =>
        string.Join(" · ", new[] { kind == OrgUnitKind.Grid ? parentName : null, name, tagGroupName }.Where(part => part is not null));

    public async Task<StaffNoticeDetail> GetAsync(long id, Caller caller, CancellationToken ct)
    {
        var notice = await InScope(caller).Where(n => n.Id == id)
            .Select(n => new { Notice = n, Audience = AudienceLabel(n.Audience!.Kind, n.Audience.Parent!.Name, n.Audience.Name, n.TagGroupName) })
            .SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        var recipients = await db.NoticeRecipients.AsNoTracking().Where(r => r.NoticeId == id)
            .OrderBy(r => r.Answer == null ? 2 : r.Answer == NoticeAnswer.Attend ? 0 : 1).ThenBy(r => r.ReadAt == null).ThenBy(r => r.Resident!.Phone)
            .Select(r => new { r.Resident!.Phone, r.ReadAt, r.Answer, r.AnsweredAt })
            .ToListAsync(ct);
        var n = notice.Notice;
        return new StaffNoticeDetail(
            n.Id, n.Title, n.Body, notice.Audience, n.MeetingAt, n.MeetingPlace, n.AsksAttendance, n.SentByName, n.SentByUnitName, n.SentAt,
            TallyOf(n.Id, [.. recipients.Select(r => (r.ReadAt, r.Answer))]),
            [.. recipients.Select(r => new NoticeRecipientView(PhoneNumbers.Mask(r.Phone), r.ReadAt, r.Answer, r.AnsweredAt))]);
    }

    /// <summary>Whether the caller may see the notice: the hub asks before a page may watch its tally.</summary>
    public Task<bool> SeesAsync(long id, Caller caller, CancellationToken ct) =>
        NoticeDesk.IsFor(caller) ? InScope(caller).AnyAsync(n => n.Id == id, ct) : Task.FromResult(false);

    /// <summary>The tally alone, as a live page receives it.</summary>
    public async Task<NoticeTally> TallyAsync(long id, CancellationToken ct)
    {
        var rows = await db.NoticeRecipients.AsNoTracking().Where(r => r.NoticeId == id).Select(r => new { r.ReadAt, r.Answer }).ToListAsync(ct);
        return TallyOf(id, [.. rows.Select(r => (r.ReadAt, r.Answer))]);
    }

    private static NoticeTally TallyOf(long id, IReadOnlyList<(DateTime? ReadAt, NoticeAnswer? Answer)> rows) => new(
        id,
        rows.Count,
        rows.Count(r => r.ReadAt != null),
        rows.Count(r => r.Answer == NoticeAnswer.Attend),
        rows.Count(r => r.Answer == NoticeAnswer.Decline),
        rows.Count(r => r.Answer == null));

    /// <summary>API clients send UTC; a time without a zone is taken as UTC too.</summary>
    private static DateTime AsUtc(DateTime at) =>
        at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private IQueryable<Notice> InScope(Caller caller)
    {
        var scope = NoticeDesk.IsFor(caller) ? caller.PlaceScopePath! : throw DomainException.Forbidden("Notice.OnlyDesk");
        return db.Notices.AsNoTracking().Where(n => n.AudiencePath.StartsWith(scope));
    }
}

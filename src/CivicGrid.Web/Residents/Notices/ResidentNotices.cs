using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>
/// The resident's side of 通知回执: the notices sent to them, unread first; opening one is the read
/// receipt; 参加/不参加 may change until the meeting begins. A notice not sent to them is 404.
/// </summary>
public sealed class ResidentNotices(CivicGridDb db, NoticeLive live, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyNotice>> MineAsync(Resident resident, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await AsMine(Mine(resident).OrderBy(r => r.ReadAt == null ? 0 : 1).ThenByDescending(r => r.Notice!.SentAt).ThenByDescending(r => r.NoticeId), now)
            .ToListAsync(ct);
    }

    /// <summary>Opens one of the resident's notices; the first opening is the read receipt staff count.</summary>
    public async Task<MyNotice> OpenAsync(Resident resident, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var firstRead = await db.NoticeRecipients
            .Where(r => r.NoticeId == id && r.ResidentId == resident.Id && r.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ReadAt, now), ct);
        var notice = await FindAsync(resident, id, ct);
        if (firstRead > 0)
        {
            await live.PublishAsync(id, ct);
        }

        return notice;
    }

    /// <summary>参加/不参加, until the meeting begins; answering also counts as reading it.</summary>
    public async Task<MyNotice> AnswerAsync(Resident resident, long id, AnswerRequest request, CancellationToken ct)
    {
        var notice = await FindAsync(resident, id, ct);
        if (!notice.AsksAttendance)
        {
            throw DomainException.Conflict("Notice.NoAnswerAsked");
        }

        if (request.Answer is not (NoticeAnswer.Attend or NoticeAnswer.Decline))
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["answer"] = ["Notice.ChooseAnswer"] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var answer = request.Answer.Value;
        // The meeting time is checked in the same statement that writes, so an answer cannot slip in after it.
        var written = await db.NoticeRecipients
            .Where(r => r.NoticeId == id && r.ResidentId == resident.Id && r.Notice!.MeetingAt > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Answer, answer)
                .SetProperty(r => r.AnsweredAt, now)
                .SetProperty(r => r.ReadAt, r => r.ReadAt ?? now), ct);
        if (written == 0)
        {
            throw DomainException.Conflict("Notice.MeetingBegun");
        }

        await live.PublishAsync(id, ct);
        return await FindAsync(resident, id, ct);
    }

    private async Task<MyNotice> FindAsync(Resident resident, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await AsMine(Mine(resident).Where(r => r.NoticeId == id), now).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
    }

    /// <summary>The answer can change while the meeting has not begun.</summary>
    private static IQueryable<MyNotice> AsMine(IQueryable<NoticeRecipient> rows, DateTime now) =>
        rows.Select(r => new MyNotice(
            r.NoticeId, r.Notice!.Title, r.Notice.Body, r.Notice.SentByUnitName, r.Notice.MeetingAt, r.Notice.MeetingPlace, r.Notice.AsksAttendance,
            r.Notice.SentAt, r.ReadAt, r.Answer, r.Notice.AsksAttendance && r.Notice.MeetingAt > now));

    private IQueryable<NoticeRecipient> Mine(Resident resident) =>
        db.NoticeRecipients.AsNoTracking().Where(r => r.ResidentId == resident.Id);
}

namespace CivicGrid.Web.Residents.Notices;

/// <param name="AudienceId">A grid or community: its residents, by their home grid.</param>
/// <param name="TagGroupId">Or a tag group of a community: its members.</param>
public sealed record NoticeRequest(int? AudienceId, string? Title, string? Body, DateTime? MeetingAt, string? MeetingPlace, bool AsksAttendance, long? TagGroupId = null);

public sealed record AnswerRequest(NoticeAnswer? Answer);

/// <summary>How many of those it went to have read it and what they answered.</summary>
public sealed record NoticeTally(long NoticeId, int Sent, int Read, int Attending, int NotAttending, int NoAnswer);

/// <summary>A notice in the staff list, with its tally.</summary>
public sealed record StaffNotice(
    long Id, string Title, string Audience, DateTime? MeetingAt, bool AsksAttendance, string SentByName, DateTime SentAt, NoticeTally Tally);

/// <summary>One recipient as staff see them: the number masked, never whole.</summary>
public sealed record NoticeRecipientView(string Phone, DateTime? ReadAt, NoticeAnswer? Answer, DateTime? AnsweredAt);

public sealed record StaffNoticeDetail(
    long Id, string Title, string Body, string Audience, DateTime? MeetingAt, string? MeetingPlace, bool AsksAttendance,
    string SentByName, string SentByUnitName, DateTime SentAt, NoticeTally Tally, IReadOnlyList<NoticeRecipientView> Recipients);

/// <summary>A notice as its resident sees it: the sending unit, not the person; their own read and answer.</summary>
public sealed record MyNotice(
    long Id, string Title, string Body, string From, DateTime? MeetingAt, string? MeetingPlace, bool AsksAttendance,
    DateTime SentAt, DateTime? ReadAt, NoticeAnswer? Answer, bool CanAnswer);

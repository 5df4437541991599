using CivicGrid.Web.Organisation;

namespace CivicGrid.Web.Residents.Notices;

/// <summary>
/// 通知回执: what staff tell the residents of a grid or community, with a meeting to attend or only
/// a receipt to give. Its recipients are fixed when it is sent, so the tally has a denominator.
/// </summary>
public class Notice
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTime? MeetingAt { get; set; }
    public string? MeetingPlace { get; set; }
    /// <summary>参加/不参加 asked for; otherwise reading it is the receipt (已读).</summary>
    public bool AsksAttendance { get; set; }

    /// <summary>The grid or community whose residents it went to; scope is checked on its path.</summary>
    public int AudienceId { get; set; }
    public OrgUnit? Audience { get; set; }
    public required string AudiencePath { get; set; }
    /// <summary>Sent to a tag group of the audience community rather than to all its residents; its name as it was then.</summary>
    public long? TagGroupId { get; set; }
    public string? TagGroupName { get; set; }

    public Guid SentById { get; set; }
    public required string SentByName { get; set; }
    public required string SentByUnitName { get; set; }
    public DateTime SentAt { get; set; }

    public List<NoticeRecipient> Recipients { get; set; } = [];
}

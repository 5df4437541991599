using CivicGrid.Web.Residents.Accounts;

namespace CivicGrid.Web.Residents.Notices;

public enum NoticeAnswer
{
    /// <summary>参加</summary>
    Attend = 1,
    /// <summary>不参加</summary>
    Decline = 2,
}

/// <summary>One resident a notice was sent to, and what they did with it.</summary>
public class NoticeRecipient
{
    public long NoticeId { get; set; }
    public Notice? Notice { get; set; }
    public Guid ResidentId { get; set; }
    public Resident? Resident { get; set; }
    /// <summary>When the resident first opened it.</summary>
    public DateTime? ReadAt { get; set; }
    public NoticeAnswer? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

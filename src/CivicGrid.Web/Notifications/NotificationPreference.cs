namespace CivicGrid.Web.Notifications;

/// <summary>
/// How one person wants to be told. A person without a row gets <see cref="Defaults"/>: SMS for
/// the kinds that put work on their desk, nothing at night unless urgent, bursts folded into one SMS.
/// </summary>
public class NotificationPreference
{
    public Guid UserId { get; set; }
    /// <summary>"zh-CN" or "en": the language of SMS and e-mail texts.</summary>
    public string Language { get; set; } = "zh-CN";
    /// <summary>Kinds sent by SMS, as bits of <see cref="NotificationKind"/> (bit = 1 &lt;&lt; kind).</summary>
    public int SmsKinds { get; set; }
    public int EmailKinds { get; set; }
    /// <summary>Quiet hours in local time (Asia/Shanghai); start after end means across midnight. Both null: no quiet hours.</summary>
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietUntil { get; set; }
    /// <summary>SMS within this many minutes of the previous one wait and go together as one; 0 sends each at once.</summary>
    public int DigestMinutes { get; set; }

    public bool Sends(NotificationChannel channel, NotificationKind kind) => channel switch
    {
        NotificationChannel.InApp => true,
        NotificationChannel.Sms => Has(SmsKinds, kind),
        NotificationChannel.Email => Has(EmailKinds, kind),
        _ => false,
    };

    public static int Bits(params NotificationKind[] kinds) => kinds.Aggregate(0, (bits, kind) => bits | (1 << (int)kind));

    public static bool Has(int bits, NotificationKind kind) => (bits & (1 << (int)kind)) != 0;

    /// <summary>A resident's: their report's milestones and notices to them by SMS, one message each, never at night.</summary>
    public static NotificationPreference ForResident(Guid residentId) => new()
    {
        UserId = residentId,
        SmsKinds = Bits(NotificationKind.ResidentProgress, NotificationKind.ResidentNotice),
        EmailKinds = 0,
        QuietFrom = new TimeOnly(22, 0),
        QuietUntil = new TimeOnly(7, 0),
        DigestMinutes = 0,
    };

    public static NotificationPreference Defaults(Guid userId) => new()
    {
        UserId = userId,
        SmsKinds = Bits(NotificationKind.NewTodo, NotificationKind.Returned, NotificationKind.Escalated, NotificationKind.SupervisionOrder, NotificationKind.Overdue, NotificationKind.Rework),
        EmailKinds = 0,
        QuietFrom = new TimeOnly(22, 0),
        QuietUntil = new TimeOnly(7, 0),
        DigestMinutes = 5,
    };
}

namespace CivicGrid.Web.Supervision;

/// <summary>
/// 督办单: a leader or governance centre presses the unit holding an open event for an answer by a
/// deadline of its own. The holder replies (办理情况), the issuer concludes (办结) with an assessment.
/// </summary>
public class SupervisionOrder
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public required string Note { get; set; }
    public DateTime Deadline { get; set; }
    public DateTime IssuedAt { get; set; }
    public Guid IssuerId { get; set; }
    public required string IssuerName { get; set; }
    public int IssuerUnitId { get; set; }
    public required string IssuerUnitName { get; set; }
    /// <summary>The unit that held the event when the order was issued; whoever holds it now answers.</summary>
    public int AddresseeUnitId { get; set; }
    public required string AddresseeUnitName { get; set; }

    public string? Reply { get; set; }
    public DateTime? RepliedAt { get; set; }
    public string? ReplierName { get; set; }
    public string? ReplierUnitName { get; set; }

    public SupervisionOutcome Outcome { get; set; } = SupervisionOutcome.Pending;
    /// <summary>When the sweep recorded that the deadline passed unanswered; set once, so the record is written once.</summary>
    public DateTime? UnansweredNoticedAt { get; set; }

    public string? Assessment { get; set; }
    public DateTime? ConcludedAt { get; set; }
    public string? ConcluderName { get; set; }

    /// <summary>Optimistic concurrency between two people answering or concluding at once; the sweep leaves it alone.</summary>
    public int Version { get; set; }

    public SupervisionState State => ConcludedAt is not null ? SupervisionState.Concluded : RepliedAt is not null ? SupervisionState.Replied : SupervisionState.Open;
}

public enum SupervisionState
{
    /// <summary>Waiting for the holder's answer.</summary>
    Open = 1,
    /// <summary>Answered; waiting for the issuer's conclusion.</summary>
    Replied = 2,
    Concluded = 3,
}

public enum SupervisionOutcome
{
    Pending = 1,
    AnsweredOnTime = 2,
    AnsweredLate = 3,
    /// <summary>The deadline passed without an answer (a later answer turns it into <see cref="AnsweredLate"/>).</summary>
    Unanswered = 4,
}

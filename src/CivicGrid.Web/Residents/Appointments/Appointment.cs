namespace CivicGrid.Web.Residents.Appointments;

/// <summary>
/// A time a representative (any staff member but an administrator) offers to meet residents of a
/// community or street (预约党代表). One conversation per slot: it holds a single active booking.
/// </summary>
public class AppointmentSlot
{
    public long Id { get; set; }
    /// <summary>The representative: a staff account; a public role, so the name and unit are shown to residents.</summary>
    public Guid RepresentativeId { get; set; }
    public required string RepresentativeName { get; set; }
    public int RepresentativeUnitId { get; set; }
    public required string RepresentativeUnitName { get; set; }
    /// <summary>The community or street whose residents the slot is offered to.</summary>
    public int ServesUnitId { get; set; }
    public required string ServesUnitName { get; set; }
    public required string ServesUnitPath { get; set; }
    /// <summary>Where to meet, in words (e.g. 社区党群服务中心二楼).</summary>
    public required string Place { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Withdrawn by the representative before anyone booked it; kept so a stale booking attempt is told why.</summary>
    public DateTime? CancelledAt { get; set; }
    public List<Appointment> Appointments { get; set; } = [];
}

/// <summary>A resident's booking of a slot, and what the representative recorded of the meeting.</summary>
public class Appointment
{
    public long Id { get; set; }
    public long SlotId { get; set; }
    public AppointmentSlot? Slot { get; set; }
    public Guid ResidentId { get; set; }
    public required string Topic { get; set; }
    public DateTime BookedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>What was raised, in the representative's words.</summary>
    public string? Outcome { get; set; }
    public DateTime? OutcomeAt { get; set; }
    /// <summary>The event the representative turned the matter into.</summary>
    public long? EventId { get; set; }
    public string? EventNumber { get; set; }
}

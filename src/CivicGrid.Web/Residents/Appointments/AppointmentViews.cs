namespace CivicGrid.Web.Residents.Appointments;

/// <summary>A slot as a resident sees it: who, where, when; never who booked it.</summary>
public sealed record FreeSlot(
    long Id,
    DateTime StartsAt,
    DateTime EndsAt,
    string Place,
    string RepresentativeName,
    string RepresentativeUnitName,
    int ServesUnitId,
    string ServesUnitName);

/// <summary>One of the signed-in resident's bookings.</summary>
public sealed record MyAppointment(
    long Id,
    long SlotId,
    DateTime StartsAt,
    DateTime EndsAt,
    string Place,
    string RepresentativeName,
    string RepresentativeUnitName,
    string ServesUnitName,
    string Topic,
    DateTime BookedAt,
    DateTime? CancelledAt,
    bool MayCancel);

/// <summary>A representative's slot with its active booking, if any.</summary>
public sealed record MySlot(
    long Id,
    DateTime StartsAt,
    DateTime EndsAt,
    string Place,
    int ServesUnitId,
    string ServesUnitName,
    bool MayRemove,
    Booking? Booking);

/// <summary>A booking as the representative sees it: the resident's number masked, the topic, and what came of it.</summary>
public sealed record Booking(
    long Id,
    string MaskedPhone,
    string Topic,
    DateTime BookedAt,
    string? Outcome,
    DateTime? OutcomeAt,
    long? EventId,
    string? EventNumber);

public sealed record SlotRequest(DateTime? StartsAt, DateTime? EndsAt, string? Place, int? UnitId);

public sealed record BookRequest(long? SlotId, string? Topic);

public sealed record OutcomeRequest(string? Outcome);

/// <summary>What the event needs beyond the booking: its category and where the matter stands.</summary>
public sealed record ToEventRequest(int? CategoryId, double? Latitude, double? Longitude, string? Address, string? Title);

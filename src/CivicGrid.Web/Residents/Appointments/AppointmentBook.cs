using CivicGrid.Web.Events;
using CivicGrid.Web.Identity;
using CivicGrid.Web.Infrastructure.Caching;
using CivicGrid.Web.Infrastructure.Database;
using CivicGrid.Web.Infrastructure.Problems;
using CivicGrid.Web.Organisation;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Residents.Appointments;

/// <summary>
/// Appointments with representatives (预约): representatives publish slots, residents book and
/// cancel them, the representative records what was raised and may turn it into an event.
/// A representative sees only their own slots; a resident only their own bookings.
/// </summary>
public sealed class AppointmentBook(
    CivicGridDb db,
    ReferenceSnapshot<OrganisationTree> organisation,
    EventReporting reporting,
    TimeProvider clock)
{
    /// <summary>How far ahead residents see free slots.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(14);

    /// <summary>A meeting longer than half a day is not one conversation; a typo in the end time, more likely.</summary>
    public static readonly TimeSpan LongestSlot = TimeSpan.FromHours(4);

    // Residents' side.

    /// <summary>Free slots starting in the next 14 days, soonest first; of one community or street when asked.</summary>
    public async Task<IReadOnlyList<FreeSlot>> FreeAsync(int? unitId, CancellationToken ct)
    {
        var now = Now;
        var until = now + Horizon;
        var slots = db.AppointmentSlots.AsNoTracking()
            .Where(s => s.CancelledAt == null && s.StartsAt > now && s.StartsAt <= until && !s.Appointments.Any(a => a.CancelledAt == null));
        if (unitId is { } unit)
        {
            slots = slots.Where(s => s.ServesUnitId == unit);
        }

        return await slots.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new FreeSlot(s.Id, s.StartsAt, s.EndsAt, s.Place, s.RepresentativeName, s.RepresentativeUnitName, s.ServesUnitId, s.ServesUnitName))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MyAppointment>> MineAsync(Resident resident, CancellationToken ct)
    {
        var now = Now;
        return await db.Appointments.AsNoTracking()
            .Where(a => a.ResidentId == resident.Id)
            .OrderByDescending(a => a.Slot!.StartsAt).ThenByDescending(a => a.Id)
            .Select(a => new MyAppointment(
                a.Id, a.SlotId, a.Slot!.StartsAt, a.Slot.EndsAt, a.Slot.Place, a.Slot.RepresentativeName, a.Slot.RepresentativeUnitName,
                a.Slot.ServesUnitName, a.Topic, a.BookedAt, a.CancelledAt, a.CancelledAt == null && a.Slot.StartsAt > now))
            .ToListAsync(ct);
    }

    public async Task<MyAppointment> BookAsync(Resident resident, BookRequest request, CancellationToken ct)
    {
        new Validation()
            .Require(request.SlotId is not null, "slotId", "Validation.Required")
            .Text(request.Topic, "topic", AppointmentConfiguration.TopicMaxLength)
            .ThrowIfInvalid();

        var slot = await db.AppointmentSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SlotId, ct) ?? throw DomainException.NotFound();
        var now = Now;
        if (slot.CancelledAt is not null)
        {
            throw DomainException.Conflict("Appointment.SlotWithdrawn");
        }

        if (slot.StartsAt <= now)
        {
            throw DomainException.Conflict("Appointment.SlotStarted");
        }

        if (await db.Appointments.AnyAsync(a => a.SlotId == slot.Id && a.CancelledAt == null, ct))
        {
            throw DomainException.Conflict("Appointment.Taken");
        }

        var appointment = new Appointment { SlotId = slot.Id, ResidentId = resident.Id, Topic = request.Topic!.Trim(), BookedAt = now };
        db.Appointments.Add(appointment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone booked it between the check and the insert: the filtered unique index refused the second.
            db.ChangeTracker.Clear();
            throw DomainException.Conflict("Appointment.Taken");
        }

        return (await MineAsync(resident, ct)).Single(a => a.Id == appointment.Id);
    }

    public async Task CancelAsync(Resident resident, long id, CancellationToken ct)
    {
        var appointment = await db.Appointments.Include(a => a.Slot)
            .SingleOrDefaultAsync(a => a.Id == id && a.ResidentId == resident.Id, ct) ?? throw DomainException.NotFound();
        if (appointment.CancelledAt is not null)
        {
            throw DomainException.Conflict("Appointment.AlreadyCancelled");
        }

        var now = Now;
        if (appointment.Slot!.StartsAt <= now)
        {
            throw DomainException.Conflict("Appointment.SlotStarted");
        }

        appointment.CancelledAt = now;
        await db.SaveChangesAsync(ct);
    }

    // Representatives' side.

    /// <summary>The communities and streets of the caller's district a slot may serve, by name.</summary>
    public async Task<IReadOnlyList<UnitInfo>> PlacesAsync(Caller caller, CancellationToken ct)
    {
        Require(caller);
        var units = await organisation.GetAsync(ct);
        var district = units.DistrictOf(caller.UnitPath);
        return units.Units
            .Where(u => u.IsActive && u.Kind is OrgUnitKind.Community or OrgUnitKind.Street && u.Path.StartsWith(district.Path, StringComparison.Ordinal))
            .OrderBy(u => u.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The caller's slots that have not ended more than a month ago, soonest first.</summary>
    public async Task<IReadOnlyList<MySlot>> SlotsAsync(Caller caller, CancellationToken ct)
    {
        Require(caller);
        var since = Now.AddDays(-30);
        return (await Views(db.AppointmentSlots.Where(s => s.RepresentativeId == caller.UserId && s.CancelledAt == null && s.EndsAt >= since)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)).ToListAsync(ct)).Select(Masked).ToList();
    }

    public async Task<MySlot> SlotAsync(Caller caller, long id, CancellationToken ct)
    {
        Require(caller);
        var slot = await Views(db.AppointmentSlots.Where(s => s.Id == id && s.RepresentativeId == caller.UserId && s.CancelledAt == null)).SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound();
        return Masked(slot);
    }

    public async Task<MySlot> PublishAsync(Caller caller, SlotRequest request, CancellationToken ct)
    {
        var places = await PlacesAsync(caller, ct);
        var now = Now;
        var serves = places.FirstOrDefault(u => u.Id == request.UnitId);
        new Validation()
            .Require(request.StartsAt is not null, "startsAt", "Validation.Required")
            .Require(request.EndsAt is not null, "endsAt", "Validation.Required")
            .Require(request.StartsAt is not { } future || Utc(future) > now, "startsAt", "Appointment.StartsInPast")
            .Require(request.StartsAt is not { } start || request.EndsAt is not { } end || Utc(end) > Utc(start), "endsAt", "Appointment.EndsBeforeStart")
            .Require(request.StartsAt is not { } from || request.EndsAt is not { } to || Utc(to) - Utc(from) <= LongestSlot, "endsAt", "Appointment.TooLong")
            .Text(request.Place, "place", AppointmentSlotConfiguration.PlaceMaxLength)
            .Require(request.UnitId is not null, "unitId", "Validation.Required")
            .Require(request.UnitId is null || serves is not null, "unitId", "Appointment.UnknownUnit")
            .ThrowIfInvalid();

        var (startsAt, endsAt) = (Utc(request.StartsAt!.Value), Utc(request.EndsAt!.Value));
        if (await db.AppointmentSlots.AnyAsync(s => s.RepresentativeId == caller.UserId && s.CancelledAt == null && s.StartsAt < endsAt && startsAt < s.EndsAt, ct))
        {
            throw DomainException.Conflict("Appointment.Overlaps");
        }

        var slot = new AppointmentSlot
        {
            RepresentativeId = caller.UserId,
            RepresentativeName = caller.DisplayName,
            RepresentativeUnitId = caller.UnitId,
            RepresentativeUnitName = caller.UnitName,
            ServesUnitId = serves!.Id,
            ServesUnitName = serves.Name,
            ServesUnitPath = serves.Path,
            Place = request.Place!.Trim(),
            StartsAt = startsAt,
            EndsAt = endsAt,
            CreatedAt = now,
        };
        db.AppointmentSlots.Add(slot);
        await db.SaveChangesAsync(ct);
        return await SlotAsync(caller, slot.Id, ct);
    }

    /// <summary>Withdraws a slot nobody holds that has not begun; a booked one stays, the resident counts on it.</summary>
    public async Task RemoveAsync(Caller caller, long id, CancellationToken ct)
    {
        Require(caller);
        var slot = await db.AppointmentSlots.SingleOrDefaultAsync(s => s.Id == id && s.RepresentativeId == caller.UserId && s.CancelledAt == null, ct)
            ?? throw DomainException.NotFound();
        if (slot.StartsAt <= Now)
        {
            throw DomainException.Conflict("Appointment.SlotStarted");
        }

        if (await db.Appointments.AnyAsync(a => a.SlotId == id && a.CancelledAt == null, ct))
        {
            throw DomainException.Conflict("Appointment.SlotBooked");
        }

        slot.CancelledAt = Now;
        await db.SaveChangesAsync(ct);
    }

    public async Task<MySlot> RecordAsync(Caller caller, long appointmentId, OutcomeRequest request, CancellationToken ct)
    {
        var appointment = await OwnAsync(caller, appointmentId, ct);
        new Validation().Text(request.Outcome, "outcome", AppointmentConfiguration.OutcomeMaxLength).ThrowIfInvalid();
        appointment.Outcome = request.Outcome!.Trim();
        appointment.OutcomeAt = Now;
        await db.SaveChangesAsync(ct);
        return await SlotAsync(caller, appointment.SlotId, ct);
    }

    /// <summary>Reports what was raised as an event, the representative as reporter, and links it to the booking.</summary>
    public async Task<MySlot> ToEventAsync(Caller caller, long appointmentId, ToEventRequest request, CancellationToken ct)
    {
        var appointment = await OwnAsync(caller, appointmentId, ct);
        if (appointment.EventId is not null)
        {
            throw DomainException.Conflict("Appointment.AlreadyEvent", appointment.EventNumber ?? "");
        }

        var title = string.IsNullOrWhiteSpace(request.Title) ? Shorten(appointment.Topic, EventConfiguration.TitleMaxLength) : request.Title;
        var description = appointment.Outcome is null ? appointment.Topic : $"{appointment.Topic}\n{appointment.Outcome}";
        var report = new ReportRequest(
            title, Shorten(description, EventConfiguration.DescriptionMaxLength), request.CategoryId, null, request.Latitude, request.Longitude, request.Address, null);

        // Two presses at once must make one event. The conditional update claims the booking's row
        // until the commit: the other press waits for it, then finds the event and is refused.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Appointments.Where(a => a.Id == appointment.Id && a.EventId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.EventNumber, a => a.EventNumber), ct);
            if (claimed == 0)
            {
                var number = await db.Appointments.Where(a => a.Id == appointment.Id).Select(a => a.EventNumber).SingleAsync(ct);
                throw DomainException.Conflict("Appointment.AlreadyEvent", number ?? "");
            }

            var e = await reporting.ReportAsync(report, [], caller, ct);
            appointment.EventId = e.Id;
            appointment.EventNumber = e.Number;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return await SlotAsync(caller, appointment.SlotId, ct);
    }

    private async Task<Appointment> OwnAsync(Caller caller, long appointmentId, CancellationToken ct)
    {
        Require(caller);
        return await db.Appointments.SingleOrDefaultAsync(
                a => a.Id == appointmentId && a.CancelledAt == null && a.Slot!.RepresentativeId == caller.UserId && a.Slot.CancelledAt == null, ct)
            ?? throw DomainException.NotFound();
    }

    private IQueryable<MySlot> Views(IQueryable<AppointmentSlot> slots)
    {
        var now = Now;
        return slots.Select(s => new MySlot(
            s.Id,
            s.StartsAt,
            s.EndsAt,
            s.Place,
            s.ServesUnitId,
            s.ServesUnitName,
            s.StartsAt > now && !s.Appointments.Any(a => a.CancelledAt == null),
            s.Appointments.Where(a => a.CancelledAt == null)
                .Join(db.Residents, a => a.ResidentId, r => r.Id, (a, r) => new { a, r.Phone })
                .Select(x => new Booking(x.a.Id, x.Phone, x.a.Topic, x.a.BookedAt, x.a.Outcome, x.a.OutcomeAt, x.a.EventId, x.a.EventNumber))
                .FirstOrDefault()));
    }

    /// <summary>The representative may know who is coming, not take the resident's number home: the database gives it whole, the view masks it.</summary>
    private static MySlot Masked(MySlot slot) =>
        slot.Booking is { } booking ? slot with { Booking = booking with { MaskedPhone = PhoneNumbers.Mask(booking.MaskedPhone) } } : slot;

    private static void Require(Caller caller)
    {
        if (!Representatives.IsFor(caller))
        {
            throw DomainException.Forbidden("Appointment.NotRepresentative");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>An instant from the API: with an offset it is exact; without, it is read as UTC, as the API documents.</summary>
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

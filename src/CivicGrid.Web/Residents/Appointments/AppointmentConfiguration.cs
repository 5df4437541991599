using CivicGrid.Web.Events;
using CivicGrid.Web.Residents.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Appointments;

public sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public const int PlaceMaxLength = 200;

    public void Configure(EntityTypeBuilder<AppointmentSlot> slot)
    {
        slot.ToTable("AppointmentSlots");
        slot.Property(s => s.RepresentativeName).HasMaxLength(50);
        slot.Property(s => s.RepresentativeUnitName).HasMaxLength(100);
        slot.Property(s => s.ServesUnitName).HasMaxLength(100);
        slot.Property(s => s.ServesUnitPath).HasMaxLength(200);
        slot.Property(s => s.Place).HasMaxLength(PlaceMaxLength);
        // The residents' list: slots of a place, soonest first.
        slot.HasIndex(s => new { s.ServesUnitPath, s.StartsAt });
        slot.HasIndex(s => new { s.RepresentativeId, s.StartsAt });
    }
}

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public const int TopicMaxLength = 500;
    public const int OutcomeMaxLength = 2000;

    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.ToTable("Appointments");
        appointment.Property(a => a.Topic).HasMaxLength(TopicMaxLength);
        appointment.Property(a => a.Outcome).HasMaxLength(OutcomeMaxLength);
        appointment.Property(a => a.EventNumber).HasMaxLength(20);
        appointment.HasOne(a => a.Slot).WithMany(s => s.Appointments).HasForeignKey(a => a.SlotId).OnDelete(DeleteBehavior.Cascade);
        appointment.HasOne<Resident>().WithMany().HasForeignKey(a => a.ResidentId).OnDelete(DeleteBehavior.Cascade);
        appointment.HasOne<Event>().WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.SetNull);
        // The database, not a check before saving, keeps a slot to one active booking: two residents
        // pressing "book" at the same moment cannot both win. Quoted so PostgreSQL finds the column.
        appointment.HasIndex(a => a.SlotId).IsUnique().HasFilter("\"CancelledAt\" IS NULL").HasDatabaseName("IX_Appointments_ActiveSlot");
        appointment.HasIndex(a => new { a.ResidentId, a.BookedAt });
    }
}

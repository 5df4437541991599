using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public const int NoteMaxLength = 2000;

    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("TimelineEntries");
        entry.Property(t => t.ActorName).HasMaxLength(50);
        entry.Property(t => t.ActorUnitName).HasMaxLength(100);
        entry.Property(t => t.TargetUnitName).HasMaxLength(100);
        entry.Property(t => t.Note).HasMaxLength(NoteMaxLength);
        entry.Property(t => t.AssistUnitNames).HasMaxLength(400);
        entry.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TimelineEntryId).OnDelete(DeleteBehavior.Restrict);
        entry.HasIndex(t => t.EventId);
        // The done list: events a person has acted on, latest first.
        entry.HasIndex(t => new { t.ActorId, t.At });
    }
}

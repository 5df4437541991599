using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class EventAssignmentConfiguration : IEntityTypeConfiguration<EventAssignment>
{
    public void Configure(EntityTypeBuilder<EventAssignment> assignment)
    {
        assignment.ToTable("EventAssignments");
        assignment.Property(a => a.Note).HasMaxLength(TimelineEntryConfiguration.NoteMaxLength);
        assignment.HasIndex(a => new { a.DepartmentId, a.Status });
        assignment.HasIndex(a => a.EventId);
    }
}

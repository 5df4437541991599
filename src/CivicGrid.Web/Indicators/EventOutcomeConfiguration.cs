using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Indicators;

public sealed class EventOutcomeConfiguration : IEntityTypeConfiguration<EventOutcome>
{
    public void Configure(EntityTypeBuilder<EventOutcome> o)
    {
        o.ToTable("EventOutcomes");
        o.HasKey(x => x.EventId);
        o.HasOne(x => x.Event).WithOne().HasForeignKey<EventOutcome>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        o.Property(x => x.PlacePath).HasMaxLength(200);

        // A place's period: the path prefix narrows to the place, the day to the period.
        o.HasIndex(x => new { x.ReportedDay, x.PlacePath });
        o.HasIndex(x => new { x.ClosedDay, x.PlacePath });
        // A department's period: the events it led.
        o.HasIndex(x => new { x.LeadDepartmentId, x.ReportedDay });
        o.HasIndex(x => new { x.LeadDepartmentId, x.ClosedDay });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class EventCoReporterConfiguration : IEntityTypeConfiguration<EventCoReporter>
{
    public void Configure(EntityTypeBuilder<EventCoReporter> reporter)
    {
        reporter.ToTable("EventCoReporters");
        reporter.HasKey(r => new { r.EventId, r.UserId });
        reporter.Property(r => r.Name).HasMaxLength(50);
        reporter.HasIndex(r => r.UserId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class EventNumberCounterConfiguration : IEntityTypeConfiguration<EventNumberCounter>
{
    public void Configure(EntityTypeBuilder<EventNumberCounter> counter)
    {
        counter.ToTable("EventNumberCounters");
        counter.HasKey(c => c.Year);
        counter.Property(c => c.Year).ValueGeneratedNever();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.History;

public sealed class RegistryChangeConfiguration : IEntityTypeConfiguration<RegistryChange>
{
    public void Configure(EntityTypeBuilder<RegistryChange> change)
    {
        change.ToTable("RegistryChanges");
        change.Property(c => c.Field).HasMaxLength(40);
        change.Property(c => c.ByName).HasMaxLength(100);
        change.Property(c => c.Source).HasMaxLength(200);
        change.HasIndex(c => new { c.PersonId, c.At });
        change.HasIndex(c => new { c.BuildingId, c.At });
        change.HasIndex(c => new { c.Record, c.RecordId });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Geography;

public sealed class BuildingUnitConfiguration : IEntityTypeConfiguration<BuildingUnit>
{
    public void Configure(EntityTypeBuilder<BuildingUnit> unit)
    {
        unit.ToTable("BuildingUnits");
        unit.Property(u => u.Name).HasMaxLength(BuildingConfiguration.NameMaxLength);
        unit.HasIndex(u => new { u.BuildingId, u.Name }).IsUnique();
    }
}

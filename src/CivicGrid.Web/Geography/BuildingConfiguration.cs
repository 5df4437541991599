using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Geography;

public sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public const int NameMaxLength = 50;
    public const int AddressMaxLength = 200;

    public void Configure(EntityTypeBuilder<Building> building)
    {
        building.ToTable("Buildings");
        building.Property(b => b.Name).HasMaxLength(NameMaxLength);
        building.Property(b => b.Address).HasMaxLength(AddressMaxLength);
        building.HasOne<OrgUnit>().WithMany().HasForeignKey(b => b.GridId).OnDelete(DeleteBehavior.Restrict);
        building.HasMany(b => b.Units).WithOne().HasForeignKey(u => u.BuildingId).OnDelete(DeleteBehavior.Cascade);
        building.HasIndex(b => new { b.GridId, b.Name }).IsUnique();
        building.HasIndex(b => b.Address);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Organisation;

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> unit)
    {
        unit.ToTable("OrgUnits");
        unit.Property(u => u.Name).HasMaxLength(100);
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.Property(u => u.Path).HasMaxLength(200);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.HasIndex(u => u.Path);
        unit.HasIndex(u => new { u.ParentId, u.Name }).IsUnique();
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

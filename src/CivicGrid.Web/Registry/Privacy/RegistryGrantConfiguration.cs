using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Privacy;

public sealed class RegistryGrantConfiguration : IEntityTypeConfiguration<RegistryGrant>
{
    public const int PurposeMaxLength = 200;

    public void Configure(EntityTypeBuilder<RegistryGrant> grant)
    {
        grant.ToTable("RegistryGrants");
        grant.Property(g => g.Purpose).HasMaxLength(PurposeMaxLength);
        grant.HasOne<OrgUnit>().WithMany().HasForeignKey(g => g.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne<OrgUnit>().WithMany().HasForeignKey(g => g.PlaceId).OnDelete(DeleteBehavior.Restrict);
        grant.HasIndex(g => new { g.DepartmentId, g.RevokedAt });
    }
}

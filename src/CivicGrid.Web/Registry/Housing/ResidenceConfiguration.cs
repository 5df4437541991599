using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Housing;

public sealed class ResidenceConfiguration : IEntityTypeConfiguration<Residence>
{
    public void Configure(EntityTypeBuilder<Residence> residence)
    {
        residence.ToTable("Residences");
        residence.HasOne(r => r.Person).WithMany(p => p.Residences).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        residence.HasIndex(r => new { r.HouseholdId, r.MovedOutOn });
        residence.HasIndex(r => new { r.PersonId, r.MovedOutOn });
    }
}

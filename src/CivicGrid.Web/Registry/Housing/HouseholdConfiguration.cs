using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Housing;

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> household)
    {
        household.ToTable("Households");
        household.HasMany(h => h.Residences).WithOne(r => r.Household).HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

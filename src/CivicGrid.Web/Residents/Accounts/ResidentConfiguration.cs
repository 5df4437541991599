using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Accounts;

public sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> r)
    {
        r.ToTable("Residents");
        r.Property(x => x.Phone).HasMaxLength(EventConfiguration.PhoneMaxLength);
        r.HasIndex(x => x.Phone).IsUnique();
        // Also the audience of a notice: the residents of a grid.
        r.HasOne(x => x.HomeGrid).WithMany().HasForeignKey(x => x.HomeGridId).OnDelete(DeleteBehavior.Restrict);
    }
}

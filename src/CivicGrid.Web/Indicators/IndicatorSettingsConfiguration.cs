using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Indicators;

public sealed class IndicatorSettingsConfiguration : IEntityTypeConfiguration<IndicatorSettings>
{
    public void Configure(EntityTypeBuilder<IndicatorSettings> s)
    {
        s.ToTable("IndicatorSettings");
        s.HasKey(x => x.DistrictId);
        s.Property(x => x.DistrictId).ValueGeneratedNever();
        s.HasOne<OrgUnit>().WithOne().HasForeignKey<IndicatorSettings>(x => x.DistrictId).OnDelete(DeleteBehavior.Cascade);
    }
}

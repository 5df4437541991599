using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Geography;

public sealed class PlaceCodeConfiguration : IEntityTypeConfiguration<PlaceCode>
{
    public const int TokenLength = 10;

    public void Configure(EntityTypeBuilder<PlaceCode> code)
    {
        code.ToTable("PlaceCodes");
        code.HasKey(c => c.Token);
        code.Property(c => c.Token).HasMaxLength(TokenLength);
        code.HasIndex(c => new { c.Kind, c.TargetId });
    }
}

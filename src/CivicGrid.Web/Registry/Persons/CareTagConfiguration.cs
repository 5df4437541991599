using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Persons;

public sealed class CareTagConfiguration : IEntityTypeConfiguration<CareTag>
{
    public const int NameMaxLength = 20;

    public void Configure(EntityTypeBuilder<CareTag> tag)
    {
        tag.ToTable("CareTags");
        tag.Property(t => t.Name).HasMaxLength(NameMaxLength);
        tag.HasIndex(t => t.Name).IsUnique();
    }
}

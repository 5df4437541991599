using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Notices;

public sealed class TagGroupConfiguration : IEntityTypeConfiguration<TagGroup>
{
    public const int NameMaxLength = 30;

    public void Configure(EntityTypeBuilder<TagGroup> group)
    {
        group.ToTable("TagGroups");
        group.Property(g => g.Name).HasMaxLength(NameMaxLength);
        group.HasOne(g => g.Community).WithMany().HasForeignKey(g => g.CommunityId).OnDelete(DeleteBehavior.Restrict);
        group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.TagGroupId).OnDelete(DeleteBehavior.Cascade);
        // One 志愿者 per community, so staff never pick between two of the same name.
        group.HasIndex(g => new { g.CommunityId, g.Name }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Notices;

public sealed class TagGroupMemberConfiguration : IEntityTypeConfiguration<TagGroupMember>
{
    public void Configure(EntityTypeBuilder<TagGroupMember> member)
    {
        member.ToTable("TagGroupMembers");
        member.HasKey(m => new { m.TagGroupId, m.ResidentId });
        member.HasOne(m => m.Resident).WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Notices;

public sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> recipient)
    {
        recipient.ToTable("NoticeRecipients");
        recipient.HasKey(r => new { r.NoticeId, r.ResidentId });
        recipient.HasOne(r => r.Resident).WithMany().HasForeignKey(r => r.ResidentId).OnDelete(DeleteBehavior.Cascade);
        // A resident's notices.
        recipient.HasIndex(r => r.ResidentId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Notices;

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 2000;
    public const int PlaceMaxLength = 200;

    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.ToTable("Notices");
        notice.Property(n => n.Title).HasMaxLength(TitleMaxLength);
        notice.Property(n => n.Body).HasMaxLength(BodyMaxLength);
        notice.Property(n => n.MeetingPlace).HasMaxLength(PlaceMaxLength);
        notice.Property(n => n.AudiencePath).HasMaxLength(200);
        notice.Property(n => n.TagGroupName).HasMaxLength(TagGroupConfiguration.NameMaxLength);
        notice.Property(n => n.SentByName).HasMaxLength(50);
        notice.Property(n => n.SentByUnitName).HasMaxLength(100);
        notice.HasOne(n => n.Audience).WithMany().HasForeignKey(n => n.AudienceId).OnDelete(DeleteBehavior.Restrict);
        notice.HasMany(n => n.Recipients).WithOne(r => r.Notice).HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        // Staff lists: the notices of a place's subtree, newest first.
        notice.HasIndex(n => new { n.AudiencePath, n.SentAt });
    }
}

using CivicGrid.Web.Events;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Supervision;

public sealed class OverdueNoticeConfiguration : IEntityTypeConfiguration<OverdueNotice>
{
    public void Configure(EntityTypeBuilder<OverdueNotice> notice)
    {
        notice.ToTable("OverdueNotices");
        notice.HasOne<Event>().WithMany().HasForeignKey(n => n.EventId).OnDelete(DeleteBehavior.Cascade);
        notice.HasOne<OrgUnit>().WithMany().HasForeignKey(n => n.HolderUnitId).OnDelete(DeleteBehavior.Restrict);
        notice.HasOne<OrgUnit>().WithMany().HasForeignKey(n => n.SupervisorUnitId).OnDelete(DeleteBehavior.Restrict);
        // A second guard behind the sweep's claim: one notice per event and deadline, whatever happens.
        notice.HasIndex(n => new { n.EventId, n.Deadline }).IsUnique();
        notice.HasIndex(n => new { n.SupervisorUnitId, n.NoticedAt });
    }
}

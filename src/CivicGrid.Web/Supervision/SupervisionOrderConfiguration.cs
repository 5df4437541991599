using CivicGrid.Web.Events;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Supervision;

public sealed class SupervisionOrderConfiguration : IEntityTypeConfiguration<SupervisionOrder>
{
    public const int NoteMaxLength = 1000;
    public const int AssessmentMaxLength = 500;

    public void Configure(EntityTypeBuilder<SupervisionOrder> order)
    {
        order.ToTable("SupervisionOrders");
        order.Property(o => o.Note).HasMaxLength(NoteMaxLength);
        order.Property(o => o.Reply).HasMaxLength(NoteMaxLength);
        order.Property(o => o.Assessment).HasMaxLength(AssessmentMaxLength);
        order.Property(o => o.IssuerName).HasMaxLength(50);
        order.Property(o => o.ReplierName).HasMaxLength(50);
        order.Property(o => o.ConcluderName).HasMaxLength(50);
        order.Property(o => o.IssuerUnitName).HasMaxLength(100);
        order.Property(o => o.AddresseeUnitName).HasMaxLength(100);
        order.Property(o => o.ReplierUnitName).HasMaxLength(100);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.Ignore(o => o.State);

        order.HasOne<Event>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        order.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.IssuerUnitId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.AddresseeUnitId).OnDelete(DeleteBehavior.Restrict);

        order.HasIndex(o => o.EventId);
        // The leader's overview: what I issued, newest first.
        order.HasIndex(o => new { o.IssuerId, o.IssuedAt });
        // The sweep: unanswered orders whose passing is not yet recorded, and nothing else.
        order.HasIndex(o => o.Deadline, "IX_SupervisionOrders_Unnoticed").HasFilter("\"RepliedAt\" IS NULL AND \"UnansweredNoticedAt\" IS NULL");
    }
}

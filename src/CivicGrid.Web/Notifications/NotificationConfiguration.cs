using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public const int NoteMaxLength = 200;

    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.EventNumber).HasMaxLength(32);
        n.Property(x => x.EventTitle).HasMaxLength(200);
        n.Property(x => x.Place).HasMaxLength(300);
        n.Property(x => x.ActorName).HasMaxLength(100);
        n.Property(x => x.Note).HasMaxLength(NoteMaxLength);
        // The person's inbox, newest first.
        n.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        // Set through the navigations: a report's notice is written before the event has its id.
        n.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        n.HasOne(x => x.SupervisionOrder).WithMany().HasForeignKey(x => x.SupervisionOrderId).OnDelete(DeleteBehavior.Restrict);
        n.HasMany(x => x.Deliveries).WithOne().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

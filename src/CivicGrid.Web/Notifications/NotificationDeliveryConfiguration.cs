using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Notifications;

public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public const int ErrorMaxLength = 500;

    public void Configure(EntityTypeBuilder<NotificationDelivery> d)
    {
        d.HasIndex(x => new { x.NotificationId, x.Channel }).IsUnique();
        // The worker's question: what is due now, per channel and person.
        d.HasIndex(x => new { x.Status, x.Channel, x.DueAt });
        d.HasIndex(x => new { x.RecipientId, x.Channel, x.SentAt });
        d.HasIndex(x => x.MessageKey);
        d.Property(x => x.MessageKey).HasMaxLength(64);
        d.Property(x => x.Address).HasMaxLength(256);
        d.Property(x => x.ProviderMessageId).HasMaxLength(128);
        d.Property(x => x.LastError).HasMaxLength(ErrorMaxLength);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Notifications;

public sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> a)
    {
        a.Property(x => x.MessageKey).HasMaxLength(64);
        a.Property(x => x.ProviderMessageId).HasMaxLength(128);
        a.Property(x => x.Error).HasMaxLength(NotificationDeliveryConfiguration.ErrorMaxLength);
        a.HasIndex(x => x.MessageKey);
        a.HasIndex(x => x.At);
    }
}

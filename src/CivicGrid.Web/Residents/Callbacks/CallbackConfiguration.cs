using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Callbacks;

public sealed class CallbackConfiguration : IEntityTypeConfiguration<Callback>
{
    public const int CommentMaxLength = 500;

    public void Configure(EntityTypeBuilder<Callback> callback)
    {
        callback.ToTable("Callbacks");
        callback.Property(c => c.Comment).HasMaxLength(CommentMaxLength);
        callback.Property(c => c.ByName).HasMaxLength(50);
        callback.Property(c => c.Version).IsConcurrencyToken();
        callback.HasOne(c => c.Event).WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
        // One callback per event, however often it is closed again.
        callback.HasIndex(c => c.EventId).IsUnique();
        // The centre's list: due callbacks, oldest first.
        callback.HasIndex(c => new { c.Status, c.SampledAt });
    }
}

using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Housing;

public sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public const int NumberMaxLength = 20;

    public void Configure(EntityTypeBuilder<Room> room)
    {
        room.ToTable("Rooms");
        room.Property(r => r.Number).HasMaxLength(NumberMaxLength);
        room.HasOne(r => r.Building).WithMany().HasForeignKey(r => r.BuildingId).OnDelete(DeleteBehavior.Restrict);
        room.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        room.HasMany(r => r.Households).WithOne(h => h.Room).HasForeignKey(h => h.RoomId).OnDelete(DeleteBehavior.Restrict);
        room.HasIndex(r => new { r.BuildingId, r.UnitId, r.Number }).IsUnique();
    }
}

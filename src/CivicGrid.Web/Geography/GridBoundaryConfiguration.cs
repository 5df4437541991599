using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Web.Geography;

/// <summary>
/// Areas are stored as well-known binary, which both SQLite and PostgreSQL keep as plain
/// bytes: no SpatiaLite or PostGIS to install. Point lookups run in memory (<see cref="GridLocator"/>).
/// </summary>
public sealed class GridBoundaryConfiguration : IEntityTypeConfiguration<GridBoundary>
{
    public void Configure(EntityTypeBuilder<GridBoundary> area)
    {
        area.ToTable("GridBoundaries");
        area.HasKey(a => a.GridId);
        area.HasOne<OrgUnit>().WithOne().HasForeignKey<GridBoundary>(a => a.GridId).OnDelete(DeleteBehavior.Cascade);
        area.Property(a => a.Area)
            .HasConversion(
                geometry => new WKBWriter().Write(geometry),
                bytes => new WKBReader().Read(bytes),
                new ValueComparer<Geometry>((a, b) => a!.EqualsExact(b), g => g.EnvelopeInternal.GetHashCode(), g => g.Copy()));
        area.HasIndex(a => new { a.MinLatitude, a.MaxLatitude, a.MinLongitude, a.MaxLongitude });
    }
}

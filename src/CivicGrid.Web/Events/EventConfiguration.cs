using CivicGrid.Web.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int AddressMaxLength = 200;
    public const int PhoneMaxLength = 20;

    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.ToTable("Events");
        e.Property(x => x.Number).HasMaxLength(20);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Title).HasMaxLength(TitleMaxLength);
        e.Property(x => x.Description).HasMaxLength(DescriptionMaxLength);
        e.Property(x => x.Address).HasMaxLength(AddressMaxLength);
        e.Property(x => x.PlacePath).HasMaxLength(200);
        e.Property(x => x.ReporterName).HasMaxLength(50);
        e.Property(x => x.ReporterPhone).HasMaxLength(PhoneMaxLength);
        e.Property(x => x.EvaluationComment).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();

        e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Community).WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Grid).WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.HolderUnit).WithMany().HasForeignKey(x => x.HolderUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Timeline).WithOne().HasForeignKey(t => t.EventId);
        e.HasMany(x => x.Assignments).WithOne().HasForeignKey(a => a.EventId);
        e.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.EventId);
        e.HasMany(x => x.CoReporters).WithOne().HasForeignKey(r => r.EventId);
        e.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<BuildingUnit>().WithMany().HasForeignKey(x => x.BuildingUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Event>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);

        // The to-do list: what waits on a unit, in the list's own order, so a page is a short index walk.
        e.HasIndex(x => new { x.HolderUnitId, x.StepDeadline, x.Urgency, x.Id }).IsDescending(false, false, true, false);
        e.HasIndex(x => x.PlacePath);
        // The overdue sweep: only open events whose current deadline is not yet noticed, so old
        // overdue events already recorded are never read again. The sweep's SQL repeats this filter.
        e.HasIndex(x => x.StepDeadline, "IX_Events_OverdueUnnoticed").HasFilter(Supervision.OverdueSweep.UnnoticedFilter);
        e.HasIndex(x => x.StepWarnAt, "IX_Events_WarningUnnoticed").HasFilter(Supervision.OverdueSweep.UnwarnedFilter);
        // The centre's overdue list: open events only (closed ones have no deadline), oldest deadline first.
        e.HasIndex(x => x.StepDeadline, "IX_Events_OpenDeadline").HasFilter("\"StepDeadline\" IS NOT NULL");
        e.HasIndex(x => x.ReporterId);
        e.HasIndex(x => x.ResidentId);
        // A flood from one number: its reports of the last hour.
        e.HasIndex(x => new { x.ReporterPhone, x.ReportedAt });
        // The centre's review queue of unsatisfied residents: only the few events waiting for it.
        e.HasIndex(x => x.ReviewRequestedAt, "IX_Events_ReviewRequested").HasFilter("\"ReviewRequestedAt\" IS NOT NULL");
        e.HasIndex(x => x.ReportedAt);
        // "This category, this period": lists and the map filter by both, newest first.
        e.HasIndex(x => new { x.CategoryId, x.ReportedAt });
        // Map views and nearby duplicates: a bounding box on the incident's position.
        e.HasIndex(x => new { x.Latitude, x.Longitude });
    }
}

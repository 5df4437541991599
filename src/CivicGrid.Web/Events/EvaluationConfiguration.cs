using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Events;

public sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> evaluation)
    {
        evaluation.ToTable("Evaluations");
        evaluation.Property(v => v.Comment).HasMaxLength(TimelineEntryConfiguration.NoteMaxLength);
        evaluation.Property(v => v.ByName).HasMaxLength(50);
        evaluation.HasOne(v => v.Event).WithMany().HasForeignKey(v => v.EventId).OnDelete(DeleteBehavior.Cascade);
        evaluation.HasIndex(v => new { v.EventId, v.Round });
        // Figures count the ratings given in a period.
        evaluation.HasIndex(v => v.At);
    }
}

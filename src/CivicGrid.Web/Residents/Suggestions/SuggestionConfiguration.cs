using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.Suggestions;

public sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public const int TextMaxLength = 1000;

    public void Configure(EntityTypeBuilder<Suggestion> suggestion)
    {
        suggestion.ToTable("Suggestions");
        suggestion.Property(s => s.Text).HasMaxLength(TextMaxLength);
        suggestion.Property(s => s.Reply).HasMaxLength(TextMaxLength);
        suggestion.Property(s => s.RepliedByName).HasMaxLength(50);
        suggestion.Property(s => s.RepliedByUnitName).HasMaxLength(100);
        suggestion.HasOne(s => s.Resident).WithMany().HasForeignKey(s => s.ResidentId).OnDelete(DeleteBehavior.Cascade);
        suggestion.HasOne(s => s.Street).WithMany().HasForeignKey(s => s.StreetId).OnDelete(DeleteBehavior.Restrict);
        // A resident's list, and the per-day count.
        suggestion.HasIndex(s => new { s.ResidentId, s.CreatedAt });
        // A street's list, unanswered first.
        suggestion.HasIndex(s => new { s.StreetId, s.RepliedAt });
    }
}

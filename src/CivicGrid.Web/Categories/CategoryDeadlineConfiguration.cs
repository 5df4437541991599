using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Categories;

public sealed class CategoryDeadlineConfiguration : IEntityTypeConfiguration<CategoryDeadline>
{
    public void Configure(EntityTypeBuilder<CategoryDeadline> deadline)
    {
        deadline.ToTable("CategoryDeadlines");
        deadline.HasKey(d => new { d.CategoryId, d.Step, d.Urgency });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.Property(c => c.Code).HasMaxLength(16);
        category.Property(c => c.Name).HasMaxLength(50);
        category.Property(c => c.PlainName).HasMaxLength(50);
        category.Property(c => c.NameEn).HasMaxLength(80);
        category.HasIndex(c => c.Code).IsUnique();
        category.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.CategoryId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public const int CodeMaxLength = 16;
    public const int NameMaxLength = 50;
    public const int NameEnMaxLength = 80;
    public const int InitialsMaxLength = 500;

    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.Property(c => c.Code).HasMaxLength(CodeMaxLength);
        category.Property(c => c.Name).HasMaxLength(NameMaxLength);
        category.Property(c => c.PlainName).HasMaxLength(NameMaxLength);
        category.Property(c => c.NameEn).HasMaxLength(NameEnMaxLength);
        category.Property(c => c.Initials).HasMaxLength(InitialsMaxLength);
        category.Property(c => c.DefaultUrgency).HasDefaultValue(Events.Urgency.Normal);
        category.HasIndex(c => c.Code).IsUnique();
        category.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        category.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.CategoryId);
    }
}

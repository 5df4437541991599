using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Reports;

public sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 200;

    public void Configure(EntityTypeBuilder<ReportTemplate> template)
    {
        template.ToTable("ReportTemplates");
        template.Property(t => t.Name).HasMaxLength(NameMaxLength);
        template.Property(t => t.Description).HasMaxLength(DescriptionMaxLength);
        template.HasIndex(t => t.Name).IsUnique();
    }
}

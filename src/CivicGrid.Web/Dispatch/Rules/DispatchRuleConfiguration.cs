using CivicGrid.Web.Categories;
using CivicGrid.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Dispatch.Rules;

public sealed class DispatchRuleConfiguration : IEntityTypeConfiguration<DispatchRule>
{
    public const int NoteMaxLength = 200;

    public void Configure(EntityTypeBuilder<DispatchRule> rule)
    {
        rule.ToTable("DispatchRules");
        rule.Property(r => r.Note).HasMaxLength(NoteMaxLength);
        rule.HasOne<Category>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        rule.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        // The last word against two active rules for one category and area saved at the same moment;
        // the filter reads the same on SQLite and PostgreSQL.
        rule.HasIndex(r => new { r.CategoryId, r.AreaId }).IsUnique().HasFilter("\"IsActive\"");
    }
}

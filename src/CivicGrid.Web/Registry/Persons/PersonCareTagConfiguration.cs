using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Persons;

public sealed class PersonCareTagConfiguration : IEntityTypeConfiguration<PersonCareTag>
{
    public void Configure(EntityTypeBuilder<PersonCareTag> tagged)
    {
        tagged.ToTable("PersonCareTags");
        tagged.HasKey(t => new { t.PersonId, t.CareTagId });
        tagged.HasOne(t => t.CareTag).WithMany().HasForeignKey(t => t.CareTagId).OnDelete(DeleteBehavior.Restrict);
        tagged.HasIndex(t => t.CareTagId);
    }
}

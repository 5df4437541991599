using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Privacy;

public sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public const int ReasonMaxLength = 200;

    public void Configure(EntityTypeBuilder<PersonalDataAccess> access)
    {
        access.ToTable("PersonalDataAccesses");
        access.Property(a => a.Reason).HasMaxLength(ReasonMaxLength);
        access.Property(a => a.ByName).HasMaxLength(100);
        access.HasIndex(a => a.At);
        access.HasIndex(a => new { a.PersonId, a.At });
    }
}

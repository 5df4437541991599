using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Registry.Persons;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public const int NameMaxLength = 50;
    public const int RegistrationPlaceMaxLength = 100;

    public void Configure(EntityTypeBuilder<Person> person)
    {
        person.ToTable("Persons");
        person.Property(p => p.Name).HasMaxLength(NameMaxLength);
        person.Property(p => p.IdNumberHash).HasMaxLength(44);
        person.Property(p => p.IdNumberMasked).HasMaxLength(18);
        person.Property(p => p.PhoneHash).HasMaxLength(44);
        person.Property(p => p.PhoneMasked).HasMaxLength(11);
        person.Property(p => p.RegistrationPlace).HasMaxLength(RegistrationPlaceMaxLength);
        // One person, one record: the same ID number can never be entered twice.
        person.HasIndex(p => p.IdNumberHash).IsUnique();
        person.HasIndex(p => p.PhoneHash);
        person.HasMany(p => p.CareTags).WithOne().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

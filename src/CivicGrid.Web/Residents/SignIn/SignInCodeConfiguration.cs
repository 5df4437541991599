using CivicGrid.Web.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Residents.SignIn;

public sealed class SignInCodeConfiguration : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> c)
    {
        c.ToTable("ResidentSignInCodes");
        c.Property(x => x.Phone).HasMaxLength(EventConfiguration.PhoneMaxLength);
        c.Property(x => x.Salt).HasMaxLength(32);
        c.Property(x => x.CodeHash).HasMaxLength(64);
        c.Property(x => x.RequestedFrom).HasMaxLength(64);
        // The limits count a number's and an address's recent requests.
        c.HasIndex(x => new { x.Phone, x.CreatedAt });
        c.HasIndex(x => new { x.RequestedFrom, x.CreatedAt });
    }
}

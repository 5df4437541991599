using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Web.Calendar;

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public const int NameMaxLength = 30;

    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("CalendarDays");
        // One entry per date: a day is either a holiday or an adjusted working day, never both.
        day.HasKey(d => d.Date);
        day.Property(d => d.Name).HasMaxLength(NameMaxLength);
    }
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivicGrid.Web.Infrastructure.Database;

/// <summary>SQLite forgets a DateTime's kind; this stamps every value read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toDb => toDb.Kind == DateTimeKind.Utc ? toDb : toDb.ToUniversalTime(),
    fromDb => DateTime.SpecifyKind(fromDb, DateTimeKind.Utc));

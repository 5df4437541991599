using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Infrastructure.Database;

/// <summary>The embedded default; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteCivicGridDb(DbContextOptions<SqliteCivicGridDb> options) : CivicGridDb(options);

using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Web.Infrastructure.Database;

/// <summary>Production on PostgreSQL 15+; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresCivicGridDb(DbContextOptions<PostgresCivicGridDb> options) : CivicGridDb(options);

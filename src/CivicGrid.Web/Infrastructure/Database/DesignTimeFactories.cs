using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Web.Infrastructure.Database;

// Used only by `dotnet ef migrations add`; no database is contacted. See docs/decisions/0001.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCivicGridDb>
{
    public SqliteCivicGridDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCivicGridDb>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCivicGridDb>
{
    public PostgresCivicGridDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCivicGridDb>().UseNpgsql("Host=localhost;Database=civicgrid_design").Options);
}

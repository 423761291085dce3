using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FactoryPath.Web.Persistence;

/// <summary>
/// Lets `dotnet ef` build the SQLite model without starting the platform:
/// dotnet tool run dotnet-ef migrations add NAME --project src/FactoryPath.Web --context PlatformDbContext --output-dir Persistence/Migrations
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// The same for PostgreSQL (no server is needed to add a migration):
/// dotnet tool run dotnet-ef migrations add NAME --project src/FactoryPath.Web --context PostgresPlatformDbContext --output-dir Persistence/Migrations/Postgres
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql("Host=localhost;Database=factorypath_design").Options);
}

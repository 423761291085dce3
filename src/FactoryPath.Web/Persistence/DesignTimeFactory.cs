using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FactoryPath.Web.Persistence;

/// <summary>
/// Lets `dotnet ef` build the model without starting the platform:
/// dotnet tool run dotnet-ef migrations add NAME --project src/FactoryPath.Web --output-dir Persistence/Migrations
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

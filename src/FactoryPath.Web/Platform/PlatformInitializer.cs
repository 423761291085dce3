using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Platform;

public static class PlatformInitializer
{
    /// <summary>Creates the data folder, applies migrations, creates the roles and seeds the demo data once.</summary>
    public static void InitializePlatform(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        Directory.CreateDirectory(options.ResolveDataDirectory());

        using var scope = app.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<PlatformDatabase>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        try
        {
            db.Database.Migrate();
        }
        catch (System.Data.Common.DbException e)
        {
            // the user gets what to fix (host, credentials, database), not a stack trace
            throw new DatabaseConfigurationException(
                $"Cannot open the {PlatformDatabase.Describe(database.Provider)} database {database.SafeDescription()} ({PlatformDatabase.ProviderKey}, {PlatformDatabase.ConnectionStringKey}): {e.Message}", e);
        }

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PlatformRoles.All)
        {
            if (!roles.RoleExistsAsync(role).GetAwaiter().GetResult())
                roles.CreateAsync(new IdentityRole(role)).GetAwaiter().GetResult();
        }

        if (options.SeedDemoData)
        {
            scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync().GetAwaiter().GetResult();
        }

        // the regional rollups of results stored before they existed (first start after their migration) or stored
        // directly by the demo seed
        Regional.RegionStatsRebuild.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<Core.Assessment.ModelRegistry>()).GetAwaiter().GetResult();
    }
}

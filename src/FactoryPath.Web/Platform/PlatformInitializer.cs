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
            if (!DatabaseErrors.IsReadOnly(e) || db.Database.GetPendingMigrations().Any())
            {
                // the user gets what to fix (host, credentials, database), not a stack trace
                throw new DatabaseConfigurationException(
                    $"Cannot open the {PlatformDatabase.Describe(database.Provider)} database {database.SafeDescription()} ({PlatformDatabase.ProviderKey}, {PlatformDatabase.ConnectionStringKey}): {e.Message}", e);
            }

            // a read-only database that is up to date: serve what it holds; every write answers 503 (PlatformExceptionHandler)
            app.Logger.LogWarning("The {Provider} database {Database} is read-only: the platform shows what it holds, and every change is refused with 503 until it is writable again",
                PlatformDatabase.Describe(database.Provider), database.SafeDescription());
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
        try
        {
            Regional.RegionStatsRebuild.EnsureAsync(db, scope.ServiceProvider.GetRequiredService<Core.Assessment.ModelRegistry>()).GetAwaiter().GetResult();
        }
        catch (Exception e) when (DatabaseErrors.IsReadOnly(e))
        {
            app.Logger.LogWarning("The regional rollups are not built yet and cannot be while the database is read-only; the next start on a writable database builds them");
        }
    }
}

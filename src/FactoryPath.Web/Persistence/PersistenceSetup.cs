using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactoryPath.Web.Persistence;

public static class PersistenceSetup
{
    /// <summary>SQLite by default (data/factorypath.db); ConnectionStrings:Platform overrides the file.</summary>
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services)
    {
        services.AddDbContext<PlatformDbContext>((sp, o) => o.UseSqlite(ConnectionString(sp)));
        return services;
    }

    public static string ConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Platform");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var dir = sp.GetRequiredService<IOptions<PlatformOptions>>().Value.ResolveDataDirectory();
        return $"Data Source={Path.Combine(dir, "factorypath.db")};Pooling=True";
    }
}

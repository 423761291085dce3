using System.Data.Common;
using FactoryPath.Web.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FactoryPath.Web.Persistence;

/// <summary>Which database the platform keeps its data in (<c>FactoryPath:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A database setting the platform cannot start with; the message says which key to fix.</summary>
public sealed class DatabaseConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The provider and connection string the platform uses, read once from the configuration.</summary>
public sealed record PlatformDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "FactoryPath:Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Platform";

    /// <summary>
    /// <c>FactoryPath:Database:Provider</c> = <c>sqlite</c> (default) or <c>postgres</c>. SQLite uses
    /// <c>ConnectionStrings:Platform</c> when given, else <c>factorypath.db</c> in the data folder; PostgreSQL requires it.
    /// </summary>
    /// <exception cref="DatabaseConfigurationException">Unknown provider, missing or malformed connection string.</exception>
    public static PlatformDatabase From(IConfiguration configuration, string dataDirectory)
    {
        var name = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite : name.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => throw new DatabaseConfigurationException($"{ProviderKey} is \"{name}\"; use \"sqlite\" or \"postgres\"."),
        };
        var configured = configuration.GetConnectionString("Platform");
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new DatabaseConfigurationException($"{ProviderKey} is \"postgres\" but {ConnectionStringKey} is not set; give it as e.g. \"Host=db.example;Port=5432;Database=factorypath;Username=factorypath;Password=…\" (environment variable ConnectionStrings__Platform).");
            return new PlatformDatabase(provider, $"Data Source={Path.Combine(dataDirectory, "factorypath.db")};Pooling=True");
        }

        try
        {
            // parse now, so that a typo is reported at start with the key to fix, not at the first query
            DbConnectionStringBuilder parsed = provider == DatabaseProvider.Postgres ? new NpgsqlConnectionStringBuilder(configured) : new SqliteConnectionStringBuilder(configured);
            if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(((NpgsqlConnectionStringBuilder)parsed).Host))
                throw new DatabaseConfigurationException($"{ConnectionStringKey} for PostgreSQL names no Host.");
        }
        catch (ArgumentException e)
        {
            throw new DatabaseConfigurationException($"{ConnectionStringKey} is not a valid {Describe(provider)} connection string: {e.Message}", e);
        }

        return new PlatformDatabase(provider, configured);
    }

    public static string Describe(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SQLite";

    /// <summary>The connection string without its password, for messages and logs.</summary>
    public string SafeDescription()
    {
        if (Provider == DatabaseProvider.Sqlite) return ConnectionString;
        var b = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null };
        return $"{b.Host}:{b.Port}/{b.Database}";
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres) options.UseNpgsql(ConnectionString);
        else options.UseSqlite(ConnectionString);
    }

    /// <summary>A context of the right type for the provider (its type selects the migrations), outside DI.</summary>
    public PlatformDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresPlatformDbContext>();
            Configure(pg);
            return new PostgresPlatformDbContext(pg.Options);
        }

        var sqlite = new DbContextOptionsBuilder<PlatformDbContext>();
        Configure(sqlite);
        return new PlatformDbContext(sqlite.Options);
    }
}

public static class PersistenceSetup
{
    /// <summary>
    /// SQLite by default (data/factorypath.db); <c>FactoryPath:Database:Provider</c> = <c>postgres</c> with
    /// <c>ConnectionStrings:Platform</c> for PostgreSQL. The setting is read when the first context is made (after
    /// all configuration sources, including the command line and tests, are in).
    /// </summary>
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services)
    {
        services.AddSingleton(sp => PlatformDatabase.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IOptions<PlatformOptions>>().Value.ResolveDataDirectory()));
        services.AddDbContext<PlatformDbContext>((sp, o) => sp.GetRequiredService<PlatformDatabase>().Configure(o));
        services.AddDbContext<PostgresPlatformDbContext>((sp, o) => sp.GetRequiredService<PlatformDatabase>().Configure(o));
        // everything asks for PlatformDbContext; on PostgreSQL it gets the PostgreSQL one (its migrations, its date-times)
        services.AddScoped<PlatformDbContext>(sp => sp.GetRequiredService<PlatformDatabase>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresPlatformDbContext>()
            : new PlatformDbContext(sp.GetRequiredService<DbContextOptions<PlatformDbContext>>()));
        return services;
    }
}

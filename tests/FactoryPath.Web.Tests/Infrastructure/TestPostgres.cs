using System.Security.Cryptography;
using System.Text;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactoryPath.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use: <c>FACTORYPATH_TEST_POSTGRES</c> holds a connection string for a role that
/// may create databases (./test.sh starts a throw-away server and sets it). With <c>FACTORYPATH_TEST_DATABASE=postgres</c>
/// every <see cref="PlatformFactory"/> runs on its own database, copied from a migrated template and dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "FACTORYPATH_TEST_POSTGRES";
    public const string DatabaseVariable = "FACTORYPATH_TEST_DATABASE";

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>True when the platform tests are to run on PostgreSQL rather than SQLite.</summary>
    public static bool PlatformOnPostgres
    {
        get
        {
            var choice = Environment.GetEnvironmentVariable(DatabaseVariable);
            if (string.IsNullOrEmpty(choice) || choice == "sqlite") return false;
            if (choice != "postgres") throw new InvalidOperationException($"{DatabaseVariable} is \"{choice}\"; use \"sqlite\" or \"postgres\".");
            if (ServerConnectionString is null) throw new InvalidOperationException($"{DatabaseVariable}=postgres needs {ServerVariable} (a connection string of a role that may create databases); ./test.sh sets both.");
            return true;
        }
    }

    public const string SkipReason = "needs a PostgreSQL server: set " + ServerVariable + " (./test.sh starts one and sets it)";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The database of the platform whose data folder is <paramref name="dataDirectory"/>: made on first use, reused by a restarted platform.</summary>
    public static string ConnectionStringFor(string dataDirectory)
    {
        var name = DatabaseName(dataDirectory);
        var template = Template.Value;
        using (var admin = Open())
        {
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        Execute(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                        break;
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                    {
                        // another session still on the template (only briefly, after it was migrated)
                        Thread.Sleep(250);
                    }
                }
            }
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="dataDirectory"/>, if one was made.</summary>
    public static void DropFor(string dataDirectory) => Drop(DatabaseName(dataDirectory));

    /// <summary>A new empty database (nothing migrated), for tests of the migrations themselves.</summary>
    public static string CreateEmpty(string name)
    {
        using var admin = Open();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute(admin, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public static void Drop(string name)
    {
        var cs = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        using (var connection = new NpgsqlConnection(cs)) NpgsqlConnection.ClearPool(connection);
        using var admin = Open();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static PostgresPlatformDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql(connectionString).Options);

    private static string CreateTemplate()
    {
        var name = $"fp_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        var cs = CreateEmpty(name);
        using (var db = Context(cs)) db.Database.Migrate();
        using (var connection = new NpgsqlConnection(cs)) NpgsqlConnection.ClearPool(connection);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Drop(name);
            }
            catch (NpgsqlException)
            {
                // the server may be gone already; ./test.sh deletes the whole cluster anyway
            }
        };
        return name;
    }

    private static string DatabaseName(string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        return "fp_" + Convert.ToHexStringLower(hash)[..32];
    }

    private static NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ServerConnectionString ?? throw new InvalidOperationException(SkipReason));
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that needs a PostgreSQL server; skipped, with the reason, when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ServerConnectionString is null) Skip = TestPostgres.SkipReason;
    }
}

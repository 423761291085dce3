using FactoryPath.Web.Persistence;
using FactoryPath.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactoryPath.Web.Tests.Persistence;

/// <summary>The one model has complete migrations for each database, and both build the same tables and columns.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a SQLite migration; see README, PostgreSQL");
    }

    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        // no server needed: the model is compared with the PostgreSQL migrations' snapshot
        using var db = TestPostgres.Context("Host=localhost;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a PostgreSQL migration; see README, PostgreSQL");
        using var sqlite = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=:memory:").Options);
        // each context finds only its own provider's migrations
        Assert.Empty(db.Database.GetMigrations().Intersect(sqlite.Database.GetMigrations()));
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [PostgresFact]
    public void Both_databases_get_the_same_tables_and_columns()
    {
        var folder = Directory.CreateTempSubdirectory("factorypath-migrations-");
        var name = $"fp_migrations_{Guid.NewGuid():N}"[..40];
        try
        {
            var sqliteFile = Path.Combine(folder.FullName, "platform.db");
            using (var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={sqliteFile};Pooling=False").Options))
                db.Database.Migrate();
            var cs = TestPostgres.CreateEmpty(name);
            using (var db = TestPostgres.Context(cs))
            {
                db.Database.Migrate();
                Assert.Empty(db.Database.GetPendingMigrations());
            }

            var onSqlite = SqliteColumns(sqliteFile);
            var onPostgres = PostgresColumns(cs);
            Assert.NotEmpty(onSqlite);
            Assert.Contains("ProductionMinutes.PeriodStart", onSqlite);
            // column by column, including the migrations history table (SQLite alone has a lock table, left out above)
            Assert.Empty(onSqlite.Except(onPostgres));
            Assert.Empty(onPostgres.Except(onSqlite));
        }
        finally
        {
            TestPostgres.Drop(name);
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static SortedSet<string> SqliteColumns(string file)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__EFMigrationsLock'";
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        return result;
    }

    private static SortedSet<string> PostgresColumns(string connectionString)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read()) result.Add($"{reader.GetString(0)}.{reader.GetString(1)}");
        NpgsqlConnection.ClearPool(connection);
        return result;
    }
}

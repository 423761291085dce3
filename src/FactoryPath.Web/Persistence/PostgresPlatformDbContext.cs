using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FactoryPath.Web.Persistence;

/// <summary>
/// The platform's model on PostgreSQL. Its own type so that its migrations (Persistence/Migrations/Postgres) are kept
/// apart from the SQLite ones; the model itself is <see cref="PlatformDbContext"/>'s.
/// </summary>
/// <remarks>
/// Date-times: the model stores UTC instants in <see cref="DateTime"/> properties, and SQLite hands them back with
/// <see cref="DateTimeKind.Unspecified"/>. Here they are stored as <c>timestamp with time zone</c> (Npgsql's default
/// for DateTime) without the legacy switch: a value is written as UTC (Unspecified counts as UTC, Local is converted)
/// and read back as Unspecified, so the rest of the platform sees the same values on both databases.
/// </remarks>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Writes UTC, reads Unspecified (as SQLite does).</summary>
    public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
}

using BenchmarkDotNet.Attributes;
using FactoryPath.Benchmarks.Infrastructure;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>
/// <see cref="PeerStandings.ForAsync"/> on a SQLite file of 200,000 results, for a result in the most crowded peer
/// group and in the thinnest group that still shows a percentile. The baseline is one raw COUNT with the same WHERE
/// on an open connection with a prepared statement: the floor that the three EF Core queries are measured against.
/// Each call gets a new <see cref="PlatformDbContext"/>, as each web request does.
/// </summary>
[Config(typeof(BoundedRunConfig))]
[MemoryDiagnoser]
public class PeerPercentileBenchmarks
{
    public enum PeerGroup { Dense, Sparse }

    private const string PeerIndex = "IX_Results_ModelId_IndustryCode_ProvinceCode_IsLatest_Score";
    private const string ModelId = "miit-sme-digital-level";
    private static readonly PeerDatabasePlan Plan = new(Enterprises: 100_000, Results: 200_000, SecondModelEvery: 5, Seed: 20_261_101);

    // the WHERE EF Core generates for the peer count (see the plans printed in setup)
    private const string CountSql =
        """
        SELECT COUNT(*)
        FROM "Results" AS "r"
        WHERE "r"."IsLatest" AND "r"."ModelId" = $model AND "r"."IndustryCode" = $industry AND "r"."ProvinceCode" = $province AND "r"."EnterpriseId" <> $enterprise
        """;

    private string _folder = "";
    private DbContextOptions<PlatformDbContext> _options = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _count = null!;
    private StoredResult _target = null!;

    [Params(PeerGroup.Dense, PeerGroup.Sparse)]
    public PeerGroup Group { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("factorypath-bench-").FullName;
        var path = Path.Combine(_folder, "peers.db");
        var stats = PeerDatabase.Create(path, Plan, [ModelFiles.Latest(ModelId), ModelFiles.Latest("cmmm-selfcheck")]);
        Console.WriteLine($"// database: {stats.Enterprises:N0} enterprises, {stats.Results:N0} results, {stats.Latest:N0} latest " +
            $"({100.0 * stats.Latest / stats.Results:F0} %), {stats.FileBytes / 1048576.0:F0} MiB, built in {stats.Elapsed.TotalSeconds:F1} s; " +
            $"ResultJson stored {stats.StoredJsonBytes:F0} bytes on average, the leaf-page part of {stats.FullJsonBytes:F0}");

        _options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={path};Pooling=True").Options;
        _connection = new SqliteConnection($"Data Source={path};Pooling=True");
        _connection.Open();
        var (industry, province, size) = PickGroup();
        _target = LoadTarget(path, industry, province, size);
        _count = PrepareCount();
        CheckAndExplain(path, size);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _count.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long RawCount() => (long)_count.ExecuteScalar()!;

    [Benchmark]
    public async Task<PeerStanding> ForAsync()
    {
        await using var db = new PlatformDbContext(_options);
        return await new PeerStandings(db).ForAsync(_target);
    }

    /// <summary>Dense: the group with the most latest results. Sparse: the smallest group that still shows a percentile.</summary>
    private (string Industry, string Province, long Size) PickGroup()
    {
        using var groups = _connection.CreateCommand();
        groups.CommandText =
            $"""
            SELECT "IndustryCode", "ProvinceCode", COUNT(*) AS n FROM "Results"
            WHERE "ModelId" = $model AND "IsLatest" GROUP BY "IndustryCode", "ProvinceCode"
            {(Group == PeerGroup.Dense ? "ORDER BY n DESC" : "HAVING n > $minimum ORDER BY n")}, "IndustryCode", "ProvinceCode" LIMIT 1
            """;
        groups.Parameters.AddWithValue("$model", ModelId);
        groups.Parameters.AddWithValue("$minimum", PeerStandings.MinimumPeers);
        using var reader = groups.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
    }

    /// <summary>The result with the median score of the group, read back through EF Core (which proves the ids' text form).</summary>
    private StoredResult LoadTarget(string path, string industry, string province, long size)
    {
        using var median = _connection.CreateCommand();
        median.CommandText =
            """
            SELECT "Id" FROM "Results" WHERE "ModelId" = $model AND "IsLatest" AND "IndustryCode" = $industry AND "ProvinceCode" = $province
            ORDER BY "Score", "Id" LIMIT 1 OFFSET $offset
            """;
        median.Parameters.AddWithValue("$model", ModelId);
        median.Parameters.AddWithValue("$industry", industry);
        median.Parameters.AddWithValue("$province", province);
        median.Parameters.AddWithValue("$offset", size / 2);
        var id = Guid.Parse((string)median.ExecuteScalar()!);
        using var db = new PlatformDbContext(_options);
        return db.Results.AsNoTracking().Single(r => r.Id == id);
    }

    private SqliteCommand PrepareCount()
    {
        var count = _connection.CreateCommand();
        count.CommandText = CountSql;
        count.Parameters.AddWithValue("$model", _target.ModelId);
        count.Parameters.AddWithValue("$industry", _target.IndustryCode);
        count.Parameters.AddWithValue("$province", _target.ProvinceCode);
        count.Parameters.AddWithValue("$enterprise", _target.EnterpriseId.ToString().ToUpperInvariant());
        count.Prepare();
        return count;
    }

    /// <summary>Runs the EF Core path once with its SQL captured; checks it agrees with the raw count and prints every plan.</summary>
    private void CheckAndExplain(string path, long size)
    {
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(capture).Options;
        using var db = new PlatformDbContext(options);
        var standing = new PeerStandings(db).ForAsync(_target).GetAwaiter().GetResult();
        var raw = RawCount();
        Console.WriteLine($"// {Group} group: division {_target.IndustryCode}, province {_target.ProvinceCode}, {size:N0} latest results; " +
            $"target score {_target.Score} → {standing.Peers:N0} peers, {standing.Below:N0} below, {standing.Equal:N0} equal, percentile {standing.Percentile}");
        if (standing.Peers != raw)
        {
            throw new InvalidOperationException($"EF Core counted {standing.Peers} peers, the raw COUNT {raw}: the anchor does not measure the same thing.");
        }

        for (var i = 0; i < capture.Commands.Count; i++)
        {
            QueryPlan.Print($"EF Core query {i + 1} of {capture.Commands.Count}", _connection, capture.Commands[i], PeerIndex);
        }

        QueryPlan.Print("raw COUNT anchor", _connection,
            new CapturedCommand(CountSql, _count.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()), PeerIndex);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Benchmarks.Peers;

/// <summary>What to generate: every enterprise has the first model, every <paramref name="SecondModelEvery"/>-th also the second.</summary>
public sealed record PeerDatabasePlan(int Enterprises, int Results, int SecondModelEvery, int Seed);

/// <summary>What a generated database holds and what it took to build.</summary>
/// <param name="StoredJsonBytes">Average ResultJson stored, cut to the leaf-page part of the full JSON (see <see cref="LeafPayload"/>).</param>
/// <param name="FullJsonBytes">Average ResultJson of the full results.</param>
public sealed record PeerDatabaseStats(int Enterprises, int Results, int Latest, long FileBytes, double StoredJsonBytes, double FullJsonBytes, TimeSpan Elapsed);

/// <summary>
/// Builds a platform database file: schema from the migrations, then enterprises, answer sheets and results with
/// prepared commands in one transaction and foreign keys enforced. Each enterprise has one or more submitted results
/// per model, exactly one of them the latest; rows go in submission order, as a live platform would write them.
/// Answer sheets hold no answers (nothing here reads them) and results hold the leaf-page part of their JSON only.
/// </summary>
public static class PeerDatabase
{
    private const int PoolSize = 500;
    /// <summary>About what a Results row takes besides ResultJson: three GUIDs as text, codes, score, timestamp, record header.</summary>
    private const int RowBytesBesidesJson = 200;
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static PeerDatabaseStats Create(string path, PeerDatabasePlan plan, IReadOnlyList<AssessmentModel> models)
    {
        var clock = Stopwatch.StartNew();
        using (var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={path}").Options))
        {
            db.Database.Migrate();
        }

        var rng = new Random(plan.Seed);
        var pageSize = PageSize(path);
        var pools = models.Select(m => ScorePool.Create(m, rng, PoolSize).Select(p => AsStored(p, pageSize)).ToArray()).ToArray();
        var enterprises = CreateEnterprises(plan.Enterprises, rng);
        var submissions = CreateSubmissions(plan, pools.Length, rng);

        using var connection = new SqliteConnection($"Data Source={path};Foreign Keys=True;Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF"); // setup only: the benchmark reads, it never writes
        using (var tx = connection.BeginTransaction())
        {
            InsertEnterprises(connection, tx, enterprises);
            InsertSubmissions(connection, tx, enterprises, submissions, pools, rng);
            tx.Commit();
        }

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check";
            using var violations = check.ExecuteReader();
            if (violations.Read())
            {
                throw new InvalidOperationException($"Foreign key violated in table {violations.GetString(0)}.");
            }
        }

        var latest = submissions.Count(s => s.IsLatest);
        var pooled = pools.SelectMany(p => p).ToList();
        return new PeerDatabaseStats(enterprises.Length, submissions.Length, latest, new FileInfo(path).Length,
            pooled.Average(p => Encoding.UTF8.GetByteCount(p.Stored.ResultJson)), pooled.Average(p => p.FullJsonBytes), clock.Elapsed);
    }

    private sealed record PoolEntry(PooledResult Stored, int FullJsonBytes);

    private static PoolEntry AsStored(PooledResult full, int pageSize)
    {
        var fullBytes = Encoding.UTF8.GetByteCount(full.ResultJson);
        var local = LeafPayload.LocalBytes(RowBytesBesidesJson + fullBytes, pageSize);
        return new PoolEntry(full with { ResultJson = LeafPayload.Prefix(full.ResultJson, local - RowBytesBesidesJson) }, fullBytes);
    }

    private static int PageSize(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed record GeneratedEnterprise(Guid Id, string IndustryCode, string RegionCode, string ProvinceCode, int Employees, decimal Revenue);

    private readonly record struct Submission(int Enterprise, int Model, DateTime At, bool IsLatest);

    private static GeneratedEnterprise[] CreateEnterprises(int count, Random rng)
    {
        PeerSpread.CheckCoverage();
        var provinces = PeerSpread.Provinces();
        var divisions = PeerSpread.Divisions();
        return Enumerable.Range(0, count).Select(_ =>
        {
            var (province, prefectures) = provinces.Next(rng);
            var region = prefectures.Count > 0 ? prefectures[rng.Next(prefectures.Count)].Code : province.Code;
            var employees = rng.Next(8, 1_200);
            return new GeneratedEnterprise(NewGuid(rng), divisions.Next(rng).Code, region, province.Code, employees, rng.Next(50, 80_000) * 10_000m);
        }).ToArray();
    }

    /// <summary>One latest result per (enterprise, model); the remaining results are earlier submissions spread at random.</summary>
    private static Submission[] CreateSubmissions(PeerDatabasePlan plan, int modelCount, Random rng)
    {
        var pairs = Enumerable.Range(0, plan.Enterprises)
            .SelectMany(e => modelCount > 1 && e % plan.SecondModelEvery == 0 ? new[] { (e, 0), (e, 1) } : [(e, 0)])
            .ToArray();
        if (pairs.Length > plan.Results)
        {
            throw new InvalidOperationException($"{plan.Results} results cannot give {pairs.Length} enterprise-model pairs a latest result.");
        }

        var earlier = new int[pairs.Length];
        for (var i = pairs.Length; i < plan.Results; i++)
        {
            earlier[rng.Next(pairs.Length)]++;
        }

        var submissions = new List<Submission>(plan.Results);
        for (var p = 0; p < pairs.Length; p++)
        {
            var (enterprise, model) = pairs[p];
            var at = Now.AddMinutes(-rng.Next(0, 365 * 24 * 60));
            submissions.Add(new Submission(enterprise, model, at, IsLatest: true));
            for (var k = 0; k < earlier[p]; k++)
            {
                at = at.AddDays(-rng.Next(60, 400));
                submissions.Add(new Submission(enterprise, model, at, IsLatest: false));
            }
        }

        return submissions.OrderBy(s => s.At).ToArray();
    }

    private static void InsertEnterprises(SqliteConnection connection, SqliteTransaction tx, GeneratedEnterprise[] enterprises)
    {
        using var insert = Prepare(connection, tx,
            """
            INSERT INTO "Enterprises" ("Id", "Name", "CreditCode", "IndustryCode", "RegionCode", "ProvinceCode", "Employees", "AnnualRevenueCny", "SizeClass", "CreatedAt", "UpdatedAt")
            VALUES ($id, $name, $creditCode, $industry, $region, $province, $employees, $revenue, $sizeClass, $at, $at)
            """,
            "$id", "$name", "$creditCode", "$industry", "$region", "$province", "$employees", "$revenue", "$sizeClass", "$at");
        for (var i = 0; i < enterprises.Length; i++)
        {
            var e = enterprises[i];
            Run(insert, Text(e.Id), $"基准制造企业{i:000000}", DemoSeeder.CreditCodeFor(int.Parse(e.ProvinceCode[..2], CultureInfo.InvariantCulture), i),
                e.IndustryCode, e.RegionCode, e.ProvinceCode, e.Employees, e.Revenue.ToString(CultureInfo.InvariantCulture),
                SizeClassifier.Classify(e.Employees, e.Revenue).ToString(), Text(Now.AddYears(-3)));
        }
    }

    private static void InsertSubmissions(SqliteConnection connection, SqliteTransaction tx, GeneratedEnterprise[] enterprises,
        Submission[] submissions, PoolEntry[][] pools, Random rng)
    {
        using var sheet = Prepare(connection, tx,
            """
            INSERT INTO "AnswerSheets" ("Id", "EnterpriseId", "ModelId", "ModelVersion", "Status", "AnswersJson", "CreatedAt", "UpdatedAt", "SubmittedAt", "CreatedByUserId")
            VALUES ($id, $enterprise, $model, $version, 'Submitted', $answers, $created, $at, $at, NULL)
            """,
            "$id", "$enterprise", "$model", "$version", "$answers", "$created", "$at");
        using var result = Prepare(connection, tx,
            """
            INSERT INTO "Results" ("Id", "AnswerSheetId", "EnterpriseId", "ModelId", "ModelVersion", "Score", "Level", "IndustryCode", "ProvinceCode", "RegionCode", "IsLatest", "SubmittedAt", "ResultJson")
            VALUES ($id, $sheet, $enterprise, $model, $version, $score, $level, $industry, $province, $region, $latest, $at, $json)
            """,
            "$id", "$sheet", "$enterprise", "$model", "$version", "$score", "$level", "$industry", "$province", "$region", "$latest", "$at", "$json");
        foreach (var s in submissions)
        {
            var e = enterprises[s.Enterprise];
            var pooled = pools[s.Model][rng.Next(pools[s.Model].Length)].Stored;
            var sheetId = Text(NewGuid(rng));
            var at = Text(s.At);
            Run(sheet, sheetId, Text(e.Id), pooled.ModelId, pooled.ModelVersion, "{}", Text(s.At.AddHours(-3)), at);
            Run(result, Text(NewGuid(rng)), sheetId, Text(e.Id), pooled.ModelId, pooled.ModelVersion, pooled.Score, pooled.Level,
                e.IndustryCode, e.ProvinceCode, e.RegionCode, s.IsLatest, at, pooled.ResultJson);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Deterministic ids, so a given seed always builds the same file.</summary>
    private static Guid NewGuid(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    // the text forms EF Core's SQLite provider writes, so EF reads and compares these rows like its own
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}

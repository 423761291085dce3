using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Production;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Benchmarks.Production;

/// <summary>
/// The production dashboards' queries (<see cref="ProductionQueries"/> + the shared <see cref="Dashboards"/> code) on a
/// SQLite file holding one enterprise with 50 machines × 30 days of KPI minutes (2,160,000 rows, a down reason on one
/// minute in ten) and their hour rows (three shifts of 8 h: 36,000 rows), over the last 7 and 30 days. The baseline is a
/// bare COUNT(*) of the same enterprise's hour rows in the same range on an open connection: the floor any query that
/// reads those rows has to pay. Each call gets a new
/// <see cref="PlatformDbContext"/>, as each web request does.
/// </summary>
[Config(typeof(Matching.InProcessRunConfig.Latency))]
[MemoryDiagnoser]
public class ProductionDashboardBenchmarks
{
    private const int Machines = 50;
    private const int Days = 30;
    private static readonly Guid Enterprise = new("5f0c7a52-7f3e-4d55-9a5e-2c0f6f1b9e01");
    private static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    // built once per process and shared by every case (in-process toolchain): 2.16 million rows take a while to write
    private static readonly Lazy<(string Path, Dictionary<int, long> Good)> Database = new(Build);
    private DbContextOptions<PlatformDbContext> _options = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _count = null!;
    private ProductionRange _range = null!;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Params(7, 30)]
    public int RangeDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (path, good) = Database.Value;
        var expectedGood = good[RangeDays];

        _options = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={path};Pooling=True").Options;
        _connection = new SqliteConnection($"Data Source={path};Pooling=True");
        _connection.Open();
        _range = new ProductionRange(new DateTimeOffset(End.AddDays(-RangeDays)), new DateTimeOffset(End));
        _count = _connection.CreateCommand();
        _count.CommandText = """SELECT COUNT(*) FROM "ProductionHours" WHERE "EnterpriseId" = $e AND "HourStart" >= $from AND "HourStart" < $to""";
        _count.Parameters.AddWithValue("$e", Enterprise.ToString().ToUpperInvariant());
        _count.Parameters.AddWithValue("$from", Text(_range.FromUtc));
        _count.Parameters.AddWithValue("$to", Text(_range.ToUtc));
        _count.Prepare();

        // the queries must see exactly the seeded rows, or the timings measure nothing
        var counted = (long)_count.ExecuteScalar()!;
        if (counted != Machines * RangeDays * 24L) throw new InvalidOperationException($"COUNT saw {counted} hour rows");
        using (var minutes = _connection.CreateCommand())
        {
            minutes.CommandText = """SELECT COUNT(*) FROM "ProductionMinutes" WHERE "EnterpriseId" = $e AND "PeriodStart" >= $from AND "PeriodStart" < $to""";
            foreach (SqliteParameter parameter in _count.Parameters) minutes.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
            minutes.ExecuteScalar();
            var watch = Stopwatch.StartNew();
            var n = (long)minutes.ExecuteScalar()!;
            Console.WriteLine($"// for scale: a bare COUNT of the {n:N0} minute rows of the range takes {watch.Elapsed.TotalMilliseconds:F0} ms (warm)");
        }
        var summary = Summary().GetAwaiter().GetResult();
        var pareto = Pareto().GetAwaiter().GetResult();
        if (pareto.Count != 6) throw new InvalidOperationException($"the Pareto saw {pareto.Count} reasons, expected 6");
        if (summary.Total.Good != expectedGood || summary.Groups.Count != Machines) throw new InvalidOperationException($"the summary saw {summary.Total.Good} good in {summary.Groups.Count} machines, expected {expectedGood}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _count.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private static (string, Dictionary<int, long>) Build()
    {
        var folder = Directory.CreateTempSubdirectory("factorypath-bench-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        };
        var path = Path.Combine(folder, "production.db");
        var watch = Stopwatch.StartNew();
        var good = Seed(path);
        Console.WriteLine($"// database: {Machines} machines × {Days} days = {Machines * Days * 1440:N0} minutes, {new FileInfo(path).Length / 1048576.0:F0} MiB, built in {watch.Elapsed.TotalSeconds:F1} s");
        return (path, good);
    }

    [Benchmark(Baseline = true)]
    public long RawCount() => (long)_count.ExecuteScalar()!;

    [Benchmark]
    public async Task<ProductionSummary> Summary()
    {
        await using var db = new PlatformDbContext(_options);
        var slices = await new ProductionQueries(db).PerMachineAsync(Enterprise, _range.FromUtc, _range.ToUtc, default);
        return new ProductionSummary(Enterprise, _range.From, _range.To, DashboardGroup.Line, Dashboards.Total(slices), Dashboards.Summary(slices, DashboardGroup.Machine));
    }

    [Benchmark]
    public async Task<IReadOnlyList<TrendPoint>> TrendByDay()
    {
        await using var db = new PlatformDbContext(_options);
        var slices = await new ProductionQueries(db).PerHourAsync(Enterprise, _range.FromUtc, _range.ToUtc, default);
        return Dashboards.Trend(slices, DashboardBucket.Day, _zone);
    }

    [Benchmark]
    public async Task<IReadOnlyList<ParetoBar>> Pareto()
    {
        await using var db = new PlatformDbContext(_options);
        var reasons = await new ProductionQueries(db).DownByReasonAsync(Enterprise, _range.FromUtc, _range.ToUtc, default);
        return Edge.Kpi.Dashboard.Pareto.Of(reasons, DownReasonNames.Default, chinese: true);
    }

    /// <summary>Builds the database with the platform's migrations and fills it; returns the good units inside the last 7 and 30 days.</summary>
    private static Dictionary<int, long> Seed(string path)
    {
        using (var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={path}").Options))
        {
            db.Database.Migrate();
        }
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // the minutes' gateway row is left out: only the dashboard's tables are measured
            pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            pragma.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        using var minute = connection.CreateCommand();
        minute.Transaction = tx;
        minute.CommandText = """
            INSERT INTO "ProductionMinutes" ("GatewayId","EnterpriseId","AssetPath","PeriodStart","Shift","PlannedBusyMs","RunningMs","DownMs","SetupMs","IdleMs","UnknownMs","DownStarts","DownCarriedIn","Good","Scrap","EnergyKwh","IdealCycleSeconds","IdealProductionSeconds")
            VALUES ('gw-bench',$e,$path,$start,$shift,60000,$run,$down,0,0,0,$starts,0,$good,$scrap,$kwh,$ideal,$idealTotal)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$e", "$path", "$start", "$shift", "$run", "$down", "$starts", "$good", "$scrap", "$kwh", "$ideal", "$idealTotal" })
            p[name] = minute.Parameters.Add(new SqliteParameter(name, null));
        using var downtime = connection.CreateCommand();
        downtime.Transaction = tx;
        downtime.CommandText = """INSERT INTO "ProductionDownTimes" ("GatewayId","EnterpriseId","AssetPath","PeriodStart","Reason","DownMs") VALUES ('gw-bench',$e,$path,$start,$reason,$ms)""";
        var d = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$e", "$path", "$start", "$reason", "$ms" })
            d[name] = downtime.Parameters.Add(new SqliteParameter(name, null));

        var random = new Random(20_261_124);
        var enterprise = Enterprise.ToString().ToUpperInvariant();
        var good = new Dictionary<int, long> { [7] = 0, [30] = 0 };
        for (var m = 0; m < Machines; m++)
        {
            var machine = $"bench/site-1/area-{m / 10}/line-{m / 5}/machine-{m:00}";
            for (var t = End.AddDays(-Days); t < End; t = t.AddMinutes(1))
            {
                var down = random.Next(10) == 0 ? random.Next(1, 60) * 1000 : 0;
                var units = random.Next(0, 12);
                var scrap = random.Next(20) == 0 ? 1 : 0;
                p["$e"].Value = enterprise;
                p["$path"].Value = machine;
                p["$start"].Value = Text(t);
                p["$shift"].Value = t.Hour is >= 0 and < 8 ? "早班" : t.Hour < 16 ? "中班" : "夜班";
                p["$run"].Value = 60_000 - down;
                p["$down"].Value = down;
                p["$starts"].Value = down > 0 ? 1 : 0;
                p["$good"].Value = units;
                p["$scrap"].Value = scrap;
                p["$kwh"].Value = 0.2 + random.NextDouble() * 0.1;
                p["$ideal"].Value = 4.0;
                p["$idealTotal"].Value = 4.0 * (units + scrap);
                minute.ExecuteNonQuery();
                foreach (var days in good.Keys.ToList())
                {
                    if (t >= End.AddDays(-days)) good[days] += units;
                }
                if (down > 0)
                {
                    d["$e"].Value = enterprise;
                    d["$path"].Value = machine;
                    d["$start"].Value = Text(t);
                    d["$reason"].Value = random.Next(0, 6);
                    d["$ms"].Value = down;
                    downtime.ExecuteNonQuery();
                }
            }
        }
        using (var hours = connection.CreateCommand())
        {
            // the hour rows as ingestion builds them (ProductionIngestion): per machine, UTC hour and shift, written in time
            // order as gateways send their minutes
            hours.Transaction = tx;
            hours.CommandText = """
                INSERT INTO "ProductionHours" ("GatewayId","EnterpriseId","AssetPath","HourStart","Shift","FirstMinute","Minutes","PlannedBusyMs","RunningMs","DownMs","SetupMs","IdleMs","UnknownMs","Good","Scrap","EnergyKwh","IdealProductionSeconds")
                SELECT "GatewayId","EnterpriseId","AssetPath",strftime('%Y-%m-%d %H:00:00',"PeriodStart"),COALESCE("Shift",''),MIN("PeriodStart"),COUNT(*),SUM("PlannedBusyMs"),SUM("RunningMs"),SUM("DownMs"),SUM("SetupMs"),SUM("IdleMs"),SUM("UnknownMs"),SUM("Good"),SUM("Scrap"),SUM("EnergyKwh"),SUM("IdealProductionSeconds")
                FROM "ProductionMinutes" GROUP BY "GatewayId","AssetPath",strftime('%Y-%m-%d %H:00:00',"PeriodStart"),COALESCE("Shift",'')
                ORDER BY 4, 3;
                INSERT INTO "ProductionDownHours" ("GatewayId","EnterpriseId","AssetPath","HourStart","Reason","DownMs")
                SELECT "GatewayId","EnterpriseId","AssetPath",strftime('%Y-%m-%d %H:00:00',"PeriodStart"),"Reason",SUM("DownMs")
                FROM "ProductionDownTimes" GROUP BY "GatewayId","AssetPath",strftime('%Y-%m-%d %H:00:00',"PeriodStart"),"Reason"
                ORDER BY 4, 3;
                """;
            hours.ExecuteNonQuery();
        }
        tx.Commit();
        using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
        }
        return good;
    }

    /// <summary>How EF Core's SQLite provider writes a DateTime.</summary>
    private static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Regional;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Benchmarks.Regional;

/// <summary>
/// The regional dashboard on a filled database: <c>-- region-dashboard [iterations]</c> (30 by default) with
/// <c>FACTORYPATH_BENCH_DATABASE</c> = a connection string (SQLite, e.g. <c>Data Source=big.db</c>, or PostgreSQL) and
/// <c>FACTORYPATH_BENCH_PROVIDER</c> = <c>sqlite</c> (default) or <c>postgres</c>. The database is one written by
/// <c>factorypath gen</c> (or a running platform); it is migrated first and, when its regional rollups are empty,
/// rebuilt once (timed and printed apart). Then <see cref="RegionStatistics.SummaryAsync"/> — every part of the page —
/// is timed for the largest province, its largest city and that city's largest county, as a regional administrator of
/// each and as the platform operator on the province, each on a fresh context as a request has, after three warm-up
/// calls. Prints p50, p95 and the maximum in milliseconds.
/// </summary>
public static class RegionDashboardProbe
{
    public const string DatabaseVariable = "FACTORYPATH_BENCH_DATABASE";
    public const string ProviderVariable = "FACTORYPATH_BENCH_PROVIDER";

    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 30;
        if (Environment.GetEnvironmentVariable(DatabaseVariable) is not { Length: > 0 } connection)
        {
            Console.Error.WriteLine($"region-dashboard: set {DatabaseVariable} to the connection string of a filled database (and {ProviderVariable}=postgres for PostgreSQL).");
            return 2;
        }
        var provider = (Environment.GetEnvironmentVariable(ProviderVariable) ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "" or "sqlite" => (DatabaseProvider?)DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => null,
        };
        if (provider is null)
        {
            Console.Error.WriteLine($"region-dashboard: {ProviderVariable} must be sqlite or postgres.");
            return 2;
        }
        var database = new PlatformDatabase(provider.Value, connection);
        var (models, errors) = ModelRegistry.LoadDirectory(Infrastructure.ModelFiles.Folder());
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("region-dashboard: the models do not load: " + string.Join("; ", errors));
            return 1;
        }

        string province, city, county;
        int enterprises, latest;
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
            var clock = Stopwatch.StartNew();
            if (await RegionStatsRebuild.EnsureAsync(db, models))
                Console.WriteLine($"rollups were empty: rebuilt from the stored results in {clock.Elapsed.TotalSeconds:0.0} s");
            enterprises = await db.Enterprises.CountAsync();
            latest = await db.Results.CountAsync(r => r.IsLatest);
            province = await Largest(db.Enterprises.Select(e => e.ProvinceCode)) ?? "";
            var p2 = province.Length >= 2 ? province[..2] : province;
            city = (await Largest(db.Enterprises.Where(e => e.RegionCode.StartsWith(p2)).Select(e => e.RegionCode.Substring(0, 4))) ?? "") + "00";
            var c4 = city[..Math.Min(4, city.Length)];
            // a county code does not end in 00 (an enterprise may be registered at its city's code)
            county = await Largest(db.Enterprises.Where(e => e.RegionCode.StartsWith(c4) && !e.RegionCode.EndsWith("00")).Select(e => e.RegionCode)) ?? city;
        }
        if (province.Length == 0)
        {
            Console.Error.WriteLine("region-dashboard: the database holds no enterprises; fill it with `factorypath gen` first.");
            return 1;
        }

        Console.WriteLine($"{PlatformDatabase.Describe(database.Provider)} {database.SafeDescription()}: {enterprises:N0} enterprises, {latest:N0} latest results; {iterations} timed calls each");
        // the platform holds one supply cache; its first read of the pool (the background warm-up at start) is timed apart
        var scenarios = FactoryPath.Web.Catalog.CatalogSetup.LoadScenarios(models);
        var tiers = FactoryPath.Core.Catalog.Tiers.DemonstrationTierLoader.LoadEmbedded(models, allowMissingModels: true).OrThrow();
        var supply = new ScenarioSupplyCache();
        await using (var db = database.CreateContext())
        {
            var solutions = await db.Solutions.CountAsync();
            var providers = await db.Providers.CountAsync();
            var warm = Stopwatch.StartNew();
            await supply.WarmAsync(db);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"supply cache: {solutions:N0} solutions of {providers:N0} providers read in {warm.Elapsed.TotalMilliseconds:0} ms (once, at start)"));
        }
        Console.WriteLine("| region | viewer | p50 ms | p95 ms | max ms | solutions + recognitions p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        var op = new Viewer("bench-op", "op@bench", new HashSet<string> { PlatformRoles.PlatformAdmin }, null, null);
        foreach (var (code, viewer, who) in new[]
                 {
                     (province, Admin(province), "province admin"), (city, Admin(city), "city admin"), (county, Admin(county), "county admin"), (province, op, "operator"),
                 })
        {
            var times = new List<double>();
            var added = new List<double>();
            for (var i = 0; i < iterations + 3; i++)
            {
                await using var db = database.CreateContext();
                var stats = new RegionStatistics(db, models, TimeProvider.System, scenarios, supply, tiers);
                var watch = Stopwatch.StartNew();
                var outcome = await stats.SummaryAsync(viewer, code);
                watch.Stop();
                if (!outcome.IsOk)
                {
                    Console.Error.WriteLine($"region-dashboard: {code} as {who}: {outcome.Kind} {outcome.Message}");
                    return 1;
                }
                // the two parts the supply and recognition tables add, on a fresh context of their own
                await using var again = database.CreateContext();
                var parts = new RegionStatistics(again, models, TimeProvider.System, scenarios, supply, tiers);
                var region = outcome.Value!.Region;
                var partWatch = Stopwatch.StartNew();
                await parts.SolutionsAsync(region);
                await parts.RecognitionsAsync(region);
                partWatch.Stop();
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    added.Add(partWatch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            added.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {code} | {who} | {Percentile(times, 0.5):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} | {Percentile(added, 0.5):0.0} | {Percentile(added, 0.95):0.0} |"));
        }
        return 0;
    }

    private static Viewer Admin(string region) => new("bench-" + region, region + "@bench", new HashSet<string> { PlatformRoles.RegionalAdmin }, null, region);

    private static async Task<string?> Largest(IQueryable<string> keys) =>
        await keys.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync();

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

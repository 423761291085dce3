using System.CommandLine;
using System.Globalization;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Demo.Synthetic;
using Regional = FactoryPath.Web.Regional;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace FactoryPath.Cli.Commands;

/// <summary>
/// <c>factorypath gen [--enterprises N] [--providers N] [--solutions N] [--cases N] [--results N] [--demands N] [--gateways N] [--machines-per-gateway N] [--production-days N] [--production-until DATE] [--no-accounts] [--password P] [--seed S] [--data-dir DIR | --connection CS] [--provider sqlite|postgres] [--models-dir DIR] [--force]</c>:
/// writes a synthetic data set into the platform database. A database that already holds generated rows is refused
/// unless <c>--force</c> is given, which deletes the earlier generated rows (and only those) first.
/// </summary>
internal static class GenCommand
{
    public static Command Create()
    {
        var enterprises = new Option<int>("--enterprises") { Description = "Enterprises to generate", DefaultValueFactory = _ => 200_000 };
        var providers = new Option<int>("--providers") { Description = "Service providers to generate", DefaultValueFactory = _ => 10_000 };
        var solutions = new Option<int>("--solutions") { Description = "Solutions to generate", DefaultValueFactory = _ => 100_000 };
        var cases = new Option<int>("--cases") { Description = "Demonstration cases to generate", DefaultValueFactory = _ => 20_000 };
        var results = new Option<int?>("--results") { Description = "Submitted assessments with history (each with its answer sheet); default 5 per enterprise" };
        var modelsDir = new Option<string?>("--models-dir") { Description = "Directory of model files for the results (default: models next to the program, else ./models)" };
        var seed = new Option<int>("--seed") { Description = "Seed; the same seed and counts give the same rows", DefaultValueFactory = _ => 42 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Data folder of the platform (its factorypath.db); default ./data" };
        var connection = new Option<string?>("--connection") { Description = "Connection string (instead of --data-dir): SQLite, e.g. \"Data Source=big.db\", or PostgreSQL with --provider postgres" };
        var provider = new Option<string>("--provider") { Description = "Database: sqlite (default) or postgres (then --connection is required)", DefaultValueFactory = _ => "sqlite" };
        var demands = new Option<int?>("--demands") { Description = "Demands posted by enterprises (with recipients, proposals and projects); default 1 per 10 enterprises" };
        var gateways = new Option<int?>("--gateways") { Description = "Gateways, one each for the first enterprises, with hourly production; default 1 per 100 enterprises" };
        var machines = new Option<int>("--machines-per-gateway") { Description = "Machines of each gateway", DefaultValueFactory = _ => 3 };
        var days = new Option<int>("--production-days") { Description = "Days of hourly production per machine", DefaultValueFactory = _ => 30 };
        var until = new Option<string?>("--production-until") { Description = "UTC date (yyyy-MM-dd) the production ends on (exclusive); default today" };
        var noAccounts = new Option<bool>("--no-accounts") { Description = "Write no accounts (owners, provider accounts, regional admins)" };
        var password = new Option<string>("--password") { Description = "Password of every generated account and gateway secret (hashed once)", DefaultValueFactory = _ => DefaultPassword };
        var force = new Option<bool>("--force") { Description = "Replace data generated earlier in the same database" };
        var gen = new Command("gen", "Write a synthetic data set (enterprises, providers, solutions, cases, results, accounts, demands, projects, gateways, production) into the platform database")
        {
            enterprises, providers, solutions, cases, results, demands, gateways, machines, days, until, noAccounts, password, seed, dataDir, connection, provider, modelsDir, force,
        };
        gen.SetAction((parse, ct) =>
        {
            var enterpriseCount = parse.GetValue(enterprises);
            var counts = new SyntheticCounts(enterpriseCount, parse.GetValue(providers), parse.GetValue(solutions), parse.GetValue(cases),
                parse.GetValue(results) ?? (int)Math.Min(int.MaxValue, enterpriseCount * 5L),
                parse.GetValue(demands) ?? enterpriseCount / 10, parse.GetValue(gateways) ?? enterpriseCount / 100,
                parse.GetValue(machines), parse.GetValue(days), !parse.GetValue(noAccounts));
            var untilText = parse.GetValue(until);
            DateTime productionUntil;
            if (untilText is null) productionUntil = DateTime.UtcNow.Date;
            else if (!DateTime.TryParseExact(untilText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out productionUntil))
            {
                parse.InvocationConfiguration.Error.WriteLine($"gen: --production-until is \"{untilText}\"; write a date as yyyy-MM-dd.");
                return Task.FromResult(2);
            }

            return RunAsync(counts, parse.GetValue(seed), parse.GetValue(dataDir), parse.GetValue(connection), parse.GetValue(provider), parse.GetValue(modelsDir), parse.GetValue(force),
                parse.GetValue(password) ?? DefaultPassword, DateTime.SpecifyKind(productionUntil, DateTimeKind.Utc),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return gen;
    }

    /// <summary>The password of generated accounts and gateways unless --password names another (documented in README).</summary>
    public const string DefaultPassword = SyntheticDataGenerator.DefaultPassword;

    private static async Task<int> RunAsync(SyntheticCounts counts, int seed, string? dataDir, string? connection, string? providerName, string? modelsDir, bool force,
        string password, DateTime productionUntil, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (counts.Problem() is { } problem)
        {
            error.WriteLine($"gen: {problem}.");
            return 2;
        }

        // the platform's password rules (AccountsSetup): sign-in does not check them, but a load test's password should pass them
        if (password.Length < 10 || !password.Any(char.IsDigit) || !password.Any(char.IsLower) || password.Distinct().Count() < 4)
        {
            error.WriteLine("gen: --password needs at least 10 characters with a digit, a lower-case letter and 4 different characters (the platform's password rules).");
            return 2;
        }

        ModelRegistry? models = null;
        if (counts.Results > 0)
        {
            var directory = modelsDir ?? AssessCommand.DefaultModelsDirectory();
            var (registry, errors) = Directory.Exists(directory) ? ModelRegistry.LoadDirectory(directory) : new RegistryLoadResult(new ModelRegistry([]), []);
            if (errors.Count > 0 || registry.Models.Count == 0)
            {
                foreach (var e in errors) error.WriteLine(e.ToString());
                error.WriteLine($"gen: results need the assessment models; none could be loaded from {directory} (give --models-dir, or --results 0).");
                return 2;
            }

            models = registry;
        }

        if (dataDir is not null && connection is not null)
        {
            error.WriteLine("gen: give either --data-dir or --connection, not both.");
            return 2;
        }

        var provider = (providerName ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" => (DatabaseProvider?)DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            _ => null,
        };
        if (provider is null)
        {
            error.WriteLine($"gen: --provider is \"{providerName}\"; use sqlite or postgres.");
            return 2;
        }

        if (provider == DatabaseProvider.Postgres && (connection is null || dataDir is not null))
        {
            error.WriteLine("gen: --provider postgres needs --connection \"Host=…;Database=…;Username=…;Password=…\" (and no --data-dir).");
            return 2;
        }

        if (connection is null)
        {
            var dir = Path.GetFullPath(dataDir ?? "data");
            Directory.CreateDirectory(dir);
            connection = $"Data Source={Path.Combine(dir, "factorypath.db")}";
        }

        var database = new PlatformDatabase(provider.Value, connection);
        await using var db = database.CreateContext();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (System.Data.Common.DbException e)
        {
            error.WriteLine($"gen: cannot open the {PlatformDatabase.Describe(database.Provider)} database {database.SafeDescription()}: {e.Message}");
            return 1;
        }

        connection = database.SafeDescription();
        var writer = new SyntheticDataWriter(db);
        if (await writer.HoldsGeneratedDataAsync(ct))
        {
            if (!force)
            {
                error.WriteLine($"gen: {connection} already holds generated data. Run again with --force to delete it and generate anew (other data stays).");
                return 1;
            }

            output.WriteLine("Deleting the data generated earlier …");
            await writer.DeleteGeneratedAsync(ct);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {counts.Enterprises:N0} enterprises, {counts.Providers:N0} providers, {counts.Solutions:N0} solutions, {counts.Cases:N0} cases, {counts.Results:N0} results, {(counts.Accounts ? "accounts" : "no accounts")}, {counts.Demands:N0} demands, {counts.Gateways:N0} gateways × {counts.MachinesPerGateway} machines × {counts.ProductionDays} days of production until {productionUntil:yyyy-MM-dd} (seed {seed}) into {connection}"));
        var hashClock = System.Diagnostics.Stopwatch.StartNew();
        var generator = SyntheticDataWriter.Generator(seed, models, counts.Accounts || counts.Gateways > 0 ? SyntheticDataWriter.HashPassword(password) : null, productionUntil);
        if (counts.Accounts || counts.Gateways > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Accounts and gateways share one password hash (made in {hashClock.Elapsed.TotalMilliseconds:0} ms); addresses owner-000001@{SyntheticDataGenerator.AccountDomain} …"));
        }

        var started = DateTime.UtcNow;
        IReadOnlyList<SyntheticTableReport> reports;
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            reports = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    // one task per pass; the accounts' total is known once the enterprises are drawn, so every report may correct its maximum
                    var tasks = new (string, long)[]
                        {
                            ("Enterprises", counts.Enterprises), ("Providers", counts.Providers), ("Solutions", counts.Solutions), ("Cases", counts.Cases),
                            (SyntheticDataWriter.ResultsTable, counts.Results), (SyntheticDataWriter.AccountsTable, counts.Accounts ? counts.Enterprises + counts.Providers : 0),
                            ("Demands", counts.Demands), ("Gateways", counts.Gateways), ("ProductionHours", counts.ProductionHoursAtMost),
                        }
                        .ToDictionary(t => t.Item1, t => ctx.AddTask(t.Item1, maxValue: Math.Max(1, t.Item2)));
                    return await writer.WriteAsync(generator, counts, p =>
                    {
                        var task = tasks[p.Table];
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Total == 0 ? 1 : p.Done;
                    }, ct);
                });
        }
        else
        {
            // plain lines when redirected (CI, files): at the start and about every tenth of each table
            var last = new Dictionary<string, long>();
            reports = await writer.WriteAsync(generator, counts, p =>
            {
                var step = Math.Max(SyntheticDataWriter.BatchSize, p.Total / 10);
                if (p.Done == p.Total || p.Done - last.GetValueOrDefault(p.Table, -step) >= step)
                {
                    last[p.Table] = p.Done;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Table}: {p.Done:N0}/{p.Total:N0}"));
                }
            }, ct);
        }

        if (counts.Results > 0)
        {
            // the regional dashboard's rollups are kept at submission; generated results bypass it, so they are rebuilt here
            output.WriteLine("Regional statistics: rebuilding the rollups from the results …");
            var rebuildClock = System.Diagnostics.Stopwatch.StartNew();
            await Regional.RegionStatsRebuild.RunAsync(db, models!, new ImmediateProgress<Regional.RegionStatsRebuildProgress>(p =>
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Phase}: {p.Rows:N0}"))), ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Regional statistics rebuilt in {rebuildClock.Elapsed.TotalSeconds:0.0} s"));
        }

        var elapsed = DateTime.UtcNow - started;
        foreach (var r in reports)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Table,-20} {r.Rows,11:N0} rows  {r.Elapsed.TotalSeconds,7:0.0} s  {r.RowsPerSecond,9:N0} rows/s"));
        }

        var rows = reports.Sum(r => r.Rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"Total",-20} {rows,11:N0} rows  {elapsed.TotalSeconds,7:0.0} s  {rows / Math.Max(0.001, elapsed.TotalSeconds),9:N0} rows/s"));
        return 0;
    }
}

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

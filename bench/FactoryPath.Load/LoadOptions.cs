using System.Globalization;

namespace FactoryPath.Load;

/// <summary>The counts of a data set the load test generates for itself (when no --data-dir is given).</summary>
public sealed record GenCounts(int Enterprises, int Providers, int Solutions, int Cases, int Results, int Seed)
{
    public static GenCounts Full { get; } = new(20_000, 1_000, 10_000, 2_000, 40_000, 42);
    public static GenCounts Quick { get; } = new(300, 30, 300, 50, 600, 42);

    /// <summary>A folder name that differs whenever the counts or the seed differ (the cache key).</summary>
    public string FolderName => $"gen-e{Enterprises}-p{Providers}-s{Solutions}-c{Cases}-r{Results}-seed{Seed}";

    public string[] Arguments =>
    [
        "--enterprises", Enterprises.ToString(CultureInfo.InvariantCulture), "--providers", Providers.ToString(CultureInfo.InvariantCulture),
        "--solutions", Solutions.ToString(CultureInfo.InvariantCulture), "--cases", Cases.ToString(CultureInfo.InvariantCulture),
        "--results", Results.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture),
    ];
}

/// <summary>The command line of bench/load/run.sh (after the script's own --configuration/--no-build).</summary>
public sealed record LoadOptions(
    string Root,
    string Configuration,
    string? DataDirectory,
    GenCounts Gen,
    int Seconds,
    int Connections,
    int Threads,
    bool Quick,
    string? OutputPath,
    int WarmupSeconds,
    string Command,
    string Password = LoadAccounts.GeneratedPassword)
{
    public const string Usage = """
        bench/load/run.sh [--data-dir DIR] [--seconds N] [--connections C] [--threads T] [--quick] [--out FILE.md]
                          [--enterprises N] [--warmup-timeout S] [--configuration Release|Debug] [--no-build]
          --data-dir DIR        a folder written by `factorypath gen … --data-dir DIR` (its factorypath.db); without it a data set
                                of 20,000 enterprises (--quick: 300) is generated once into $TMPDIR/factorypath-load and reused
          --seconds N           wrk time per endpoint (default 10; --quick: 2)
          --connections C       open connections (default 16; --quick: 4)
          --threads T           wrk threads (default 2, at most C)
          --quick               smoke run: tiny data set, 2 s per endpoint
          --out FILE.md         where the report goes (default bench/load/results/load-<UTC time>.md)
          --enterprises N       enterprises of the generated data set (other tables scale with it)
          --warmup-timeout S    how long the warm-up may poll each endpoint for its first good answer (default 600; --quick: 180)
          --password P          password of the generated accounts, when the data set was written with `gen --password P`
                                (default Gen#2026pass, gen's own; the demo accounts are used when the database has them)
        """;

    /// <summary>The options, or an error message naming the argument at fault.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? root = null, configuration = null, dataDir = null, output = null, password = null;
        int? seconds = null, connections = null, threads = null, enterprises = null, warmup = null;
        var quick = false;
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{arg} needs a value");
                return args[++i];
            }

            int Number(int min, int max)
            {
                var text = Value();
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
                    throw new ArgumentException($"{arg} must be a whole number from {min} to {max}, not '{text}'");
                return n;
            }

            try
            {
                switch (arg)
                {
                    case "--root": root = Value(); continue; // given by run.sh, not part of the user's command
                    case "--configuration": configuration = Value(); continue;
                    case "--data-dir": dataDir = Value(); break;
                    case "--out": output = Value(); break;
                    case "--seconds": seconds = Number(1, 3600); break;
                    case "--connections": connections = Number(1, 10_000); break;
                    case "--threads": threads = Number(1, 64); break;
                    case "--enterprises": enterprises = Number(10, 10_000_000); break;
                    case "--warmup-timeout": warmup = Number(1, 86_400); break;
                    case "--quick": quick = true; break;
                    case "--password": password = Value(); continue; // a secret stays out of the report's command line
                    default: return (null, $"unknown argument '{arg}'");
                }
            }
            catch (ArgumentException e)
            {
                return (null, e.Message);
            }

            command.Add(arg);
            if (arg != "--quick") command.Add(args[i]);
        }

        if (root is null) return (null, "--root (the repository folder) is missing; start it with bench/load/run.sh");
        if (configuration is not ("Release" or "Debug")) configuration = configuration is null ? "Release" : null;
        if (configuration is null) return (null, "--configuration must be Release or Debug");
        if (dataDir is not null && enterprises is not null) return (null, "give either --data-dir or --enterprises, not both");

        var gen = quick ? GenCounts.Quick : GenCounts.Full;
        if (enterprises is { } wanted)
        {
            // the other tables in the proportions of the defaults
            var f = wanted / (double)GenCounts.Full.Enterprises;
            gen = new GenCounts(wanted, Math.Max(10, (int)(GenCounts.Full.Providers * f)), Math.Max(10, (int)(GenCounts.Full.Solutions * f)),
                Math.Max(10, (int)(GenCounts.Full.Cases * f)), 2 * wanted, GenCounts.Full.Seed);
        }

        var c = connections ?? (quick ? 4 : 16);
        var t = threads ?? 2;
        if (t > c) t = c;
        var display = "bench/load/run.sh" + (command.Count == 0 ? "" : " " + string.Join(' ', command.Select(Quote)));
        return (new LoadOptions(root, configuration, dataDir, gen, seconds ?? (quick ? 2 : 10), c, t, quick, output, warmup ?? (quick ? 180 : 600), display, password ?? LoadAccounts.GeneratedPassword), null);
    }

    private static string Quote(string s) => s.Length > 0 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' or '/' or '=' or ':') ? s : $"'{s.Replace("'", "'\\''")}'";
}

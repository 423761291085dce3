using System.Globalization;

namespace FactoryPath.Load;

/// <summary>What one wrk run measured, as printed by bench/load/report.lua at its end (times in microseconds).</summary>
public sealed record WrkFigures(
    long Requests,
    long DurationUs,
    long Bytes,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long Timeouts,
    long StatusErrors,
    long P50Us,
    long P90Us,
    long P99Us,
    long MaxUs,
    long MeanUs,
    long LoginRedirects,
    IReadOnlyDictionary<int, long> Statuses)
{
    public double RequestsPerSecond => DurationUs <= 0 ? 0 : Requests / (DurationUs / 1_000_000.0);

    /// <summary>Answers outside 200–299 (the statuses the script counted).</summary>
    public long NonSuccess => Statuses.Where(s => s.Key is < 200 or > 299).Sum(s => s.Value);

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors;
}

/// <summary>Reads the <c>fpload.key=value</c> lines of bench/load/report.lua out of wrk's standard output.</summary>
public static class WrkOutput
{
    private const string Prefix = "fpload.";

    private static readonly string[] Required =
    [
        "requests", "duration_us", "bytes", "errors.connect", "errors.read", "errors.write", "errors.timeout", "errors.status",
        "latency.p50_us", "latency.p90_us", "latency.p99_us", "latency.max_us", "latency.mean_us", "login_redirects", "end",
    ];

    /// <summary>The figures, or a precise reason why the output holds none (wrk failed, the script did not run, a line is malformed).</summary>
    public static (WrkFigures? Figures, string? Error) Parse(string stdout)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, long>();
        var lineNumber = 0;
        foreach (var raw in stdout.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (!line.StartsWith(Prefix, StringComparison.Ordinal)) continue; // wrk's own summary lines
            var eq = line.IndexOf('=');
            if (eq < 0) return (null, $"line {lineNumber}: '{line}' has no '='");
            var key = line[Prefix.Length..eq];
            var text = line[(eq + 1)..];
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return (null, $"line {lineNumber}: '{key}' is '{text}', not a whole number ≥ 0");
            if (key.StartsWith("status.", StringComparison.Ordinal))
            {
                if (!int.TryParse(key["status.".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
                    return (null, $"line {lineNumber}: '{key}' does not name an HTTP status");
                statuses[status] = value;
                continue;
            }

            if (!values.TryAdd(key, value)) return (null, $"line {lineNumber}: '{key}' appears twice");
        }

        var missing = Required.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count == Required.Length) return (null, "wrk printed no figures (did it start, and did it run report.lua?)");
        if (missing.Count > 0) return (null, "wrk's figures lack " + string.Join(", ", missing));

        var figures = new WrkFigures(
            values["requests"], values["duration_us"], values["bytes"],
            values["errors.connect"], values["errors.read"], values["errors.write"], values["errors.timeout"], values["errors.status"],
            values["latency.p50_us"], values["latency.p90_us"], values["latency.p99_us"], values["latency.max_us"], values["latency.mean_us"],
            values["login_redirects"], statuses);
        var counted = statuses.Values.Sum();
        if (counted != figures.Requests)
            return (null, $"the script counted {counted} answers by status but wrk {figures.Requests} requests");
        return (figures, null);
    }
}

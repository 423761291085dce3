using System.Globalization;
using System.Text;

namespace FactoryPath.Load;

/// <summary>The context of a run that the report states beside the figures.</summary>
public sealed record RunContext(
    DateTime StartedUtc,
    string Command,
    string Cpu,
    string Memory,
    string LoadBefore,
    string LoadAfter,
    string DataSet,
    string Counts,
    int Threads,
    int Connections,
    int Seconds,
    IReadOnlyList<string> LeftOut);

/// <summary>The table of a run: per endpoint requests, rps, latency percentiles, errors and rps ÷ the ceiling's rps.</summary>
public static class LoadReport
{
    /// <summary>
    /// The ceiling: the mean requests per second of the trivial endpoint's runs (before and after the others, so that a
    /// change of the shared machine's load during the run shows in both); null when none passed.
    /// </summary>
    public static double? Ceiling(IReadOnlyList<Measurement> measurements)
    {
        var runs = measurements.Where(m => m.Endpoint.Kind == LoadKind.Ceiling && m.Passed && m.Figures is { Requests: > 0 }).ToList();
        return runs.Count == 0 ? null : runs.Average(m => m.Figures!.RequestsPerSecond);
    }

    public static string Ratio(Measurement m, double? ceiling) =>
        m.Figures is null || ceiling is not > 0 ? "–" : (m.Figures.RequestsPerSecond / ceiling.Value).ToString("0.000", CultureInfo.InvariantCulture);

    public static string Markdown(RunContext context, IReadOnlyList<Measurement> measurements)
    {
        var ceiling = Ceiling(measurements);
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"# Load test — {context.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(inv, $"- command: `{context.Command}`");
        s.AppendLine(inv, $"- machine: {context.Cpu}, memory {context.Memory}; load average (1/5/15 min) before {context.LoadBefore}, after {context.LoadAfter}");
        s.AppendLine(inv, $"- data set: {context.DataSet}; the platform counts {context.Counts} (demo data included)");
        s.AppendLine(inv, $"- wrk: {context.Threads} thread(s), {context.Connections} connection(s), {context.Seconds} s per endpoint, timeout {Wrk.TimeoutSeconds} s, `Accept-Language: {Session.Language}`; pages with the Identity cookie, API with a bearer token");
        s.AppendLine(inv, $"- ceiling: `{LoadEndpoints.CeilingPath}` before and after the others, mean {(ceiling is { } c ? c.ToString("N0", inv) : "–")} requests/s; ratio = rps ÷ ceiling");
        foreach (var left in context.LeftOut) s.AppendLine(inv, $"- left out: {left}");
        s.AppendLine();
        s.AppendLine("| endpoint | role | path | requests | rps | p50 ms | p90 ms | p99 ms | max ms | errors | ÷ /health |");
        s.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in measurements)
        {
            var f = m.Figures;
            var path = (m.Endpoint.IsWrite ? $"{m.Endpoint.Method} " : "") + m.Endpoint.Path.Replace("|", "\\|", StringComparison.Ordinal);
            var errors = f is null ? "–" : (f.NonSuccess + f.SocketErrors + f.Timeouts).ToString("N0", inv);
            if (f is null) s.AppendLine(inv, $"| {m.Endpoint.Name} | {m.Endpoint.Role} | `{path}` | – | – | – | – | – | – | – | – |");
            else s.AppendLine(inv, $"| {m.Endpoint.Name} | {m.Endpoint.Role} | `{path}` | {f.Requests:N0} | {f.RequestsPerSecond:N1} | {Ms(f.P50Us)} | {Ms(f.P90Us)} | {Ms(f.P99Us)} | {Ms(f.MaxUs)} | {errors} | {Ratio(m, ceiling)} |");
        }

        var failed = measurements.Where(m => !m.Passed).ToList();
        s.AppendLine();
        if (failed.Count == 0) s.AppendLine(inv, $"All {measurements.Count} runs passed: every answer 2xx, no socket error, no timeout.");
        else
        {
            s.AppendLine(inv, $"**FAILED**: {failed.Count} of {measurements.Count} runs.");
            foreach (var m in failed) s.AppendLine(inv, $"- {m.Endpoint.Name} (`{m.Endpoint.Path}` as {m.Endpoint.Role}): {string.Join("; ", m.Problems)}");
        }

        return s.ToString();
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString(microseconds < 10_000 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}

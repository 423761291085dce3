using System.Globalization;

namespace FactoryPath.Load;

/// <summary>One endpoint's measurement: what wrk measured, or why there is nothing, and what the rules found.</summary>
public sealed record Measurement(LoadEndpoint Endpoint, WrkFigures? Figures, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>Runs wrk against one endpoint for a bounded time with bench/load/report.lua and the role's credentials.</summary>
internal sealed class Wrk(string script, int threads, int connections, int seconds)
{
    public const int TimeoutSeconds = 10;

    public async Task<Measurement> RunAsync(Uri address, LoadEndpoint endpoint, Credentials? credentials, CancellationToken ct)
    {
        var args = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", $"{TimeoutSeconds}s", "-s", script, "-H", $"Accept-Language: {Session.Language}",
        };
        if (credentials is not null)
        {
            args.Add("-H");
            args.Add(endpoint.Kind == LoadKind.Api ? $"Authorization: Bearer {credentials.Bearer}" : $"Cookie: {credentials.Cookie}");
        }

        var environment = new Dictionary<string, string>();
        string? bodyFile = null;
        if (endpoint.IsWrite)
        {
            // report.lua reads the method and the body from here: wrk's command line has neither
            bodyFile = Path.Combine(Path.GetTempPath(), $"fpload-body-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(bodyFile, endpoint.Body ?? "", ct);
            environment["FPLOAD_METHOD"] = endpoint.Method;
            environment["FPLOAD_BODY_FILE"] = bodyFile;
            args.Add("-H");
            args.Add("Content-Type: application/json");
        }

        args.Add(new Uri(address, endpoint.Path).AbsoluteUri);
        try
        {
            return await RunWrkAsync(args, environment, endpoint, ct);
        }
        finally
        {
            if (bodyFile is not null) File.Delete(bodyFile);
        }
    }

    private async Task<Measurement> RunWrkAsync(List<string> args, Dictionary<string, string> environment, LoadEndpoint endpoint, CancellationToken ct)
    {
        using var wrk = ChildProcess.Start("wrk", args, environment);
        if (!await wrk.WaitAsync(TimeSpan.FromSeconds(seconds + TimeoutSeconds + 60), ct))
            return new Measurement(endpoint, null, [$"wrk did not finish within {seconds + TimeoutSeconds + 60} s"]);
        if (wrk.ExitCode != 0) return new Measurement(endpoint, null, [$"wrk exited with {wrk.ExitCode}: {wrk.Tail}"]);
        var (figures, error) = WrkOutput.Parse(wrk.StandardOutput);
        if (figures is null) return new Measurement(endpoint, null, [$"{error}; wrk said: {wrk.Tail}"]);
        return new Measurement(endpoint, figures, Verdict.Problems(figures));
    }
}

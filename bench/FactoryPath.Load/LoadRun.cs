namespace FactoryPath.Load;

/// <summary>The whole run: data set, platform, sign-ins, ids, warm-up, wrk per endpoint, report, verdict.</summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken ct)
    {
        var cliDll = Path.Combine(options.Root, "src", "FactoryPath.Cli", "bin", options.Configuration, "net10.0", "factorypath.dll");
        if (!File.Exists(cliDll)) throw new LoadTestException($"{cliDll} is missing: build src/FactoryPath.Cli -c {options.Configuration} (run.sh does)");
        var modelsDirectory = Path.Combine(options.Root, "models");
        var script = Path.Combine(AppContext.BaseDirectory, "report.lua");
        if (!File.Exists(script)) throw new LoadTestException($"{script} is missing (bench/load/report.lua is copied beside the driver by its build)");
        if (!OnPath("wrk")) throw new LoadTestException("wrk is not installed (Debian package wrk; run.sh installs it with apt-get)");

        var (dataDirectory, dataDescription) = await DataSet.PrepareAsync(options, cliDll, modelsDirectory, ct);
        var loadBefore = Machine.LoadAverage();
        var started = DateTime.UtcNow; // the report's time is the measurement's, not the data generation's
        Console.WriteLine($"[load] starting the platform on {dataDirectory} (load average {loadBefore})");
        using var platform = Platform.Start(cliDll, dataDirectory, modelsDirectory);
        try
        {
            await platform.WaitForHealthAsync(TimeSpan.FromSeconds(options.WarmupSeconds), ct);
            Console.WriteLine($"[load] platform pid {platform.Id} answers on {platform.Address}");

            var accounts = await Session.ChooseAccountsAsync(platform.Address, options.Password, ct);
            var credentials = new Dictionary<LoadRole, Credentials>();
            foreach (var role in Enum.GetValues<LoadRole>().Where(r => r != LoadRole.Anonymous))
                credentials[role] = await Session.SignInAsync(platform.Address, accounts, role, ct);
            var world = await Session.WorldAsync(platform.Address, credentials, ct);
            var counts = await Session.CountsAsync(platform.Address, credentials[LoadRole.Operator], ct);
            var (endpoints, leftOut) = LoadEndpoints.For(world);
            Console.WriteLine($"[load] signed in {credentials.Count} roles ({accounts.Kind}: {string.Join(", ", accounts.Emails.Values)}); {counts}; {endpoints.Count} runs of {options.Seconds} s");

            await Warmup.RunAsync(platform.Address, endpoints, credentials, TimeSpan.FromSeconds(options.WarmupSeconds), options.Quick ? 3 : 5, ct);

            // the ceiling's code path gets an unmeasured wrk run of its own first, so that the anchor is not measured cold
            var warm = await new Wrk(Path.GetFullPath(script), options.Threads, options.Connections, Math.Min(options.Seconds, 3))
                .RunAsync(platform.Address, LoadEndpoints.CeilingBefore, null, ct);
            if (!warm.Passed) throw new LoadTestException($"warm-up of {LoadEndpoints.CeilingPath} with wrk: {string.Join("; ", warm.Problems)}");

            var wrk = new Wrk(Path.GetFullPath(script), options.Threads, options.Connections, options.Seconds);
            var measurements = new List<Measurement>();
            foreach (var endpoint in endpoints)
            {
                if (platform.HasExited) throw new LoadTestException($"the platform exited during the run:\n{platform.Tail}");
                var m = await wrk.RunAsync(platform.Address, endpoint, endpoint.Role == LoadRole.Anonymous ? null : credentials[endpoint.Role], ct);
                measurements.Add(m);
                Console.WriteLine(m.Figures is { } f
                    ? $"[load] {endpoint.Name,-34} {endpoint.Role,-13} {f.RequestsPerSecond,9:N1} rps  p50 {f.P50Us / 1000.0,8:0.00} ms  p99 {f.P99Us / 1000.0,8:0.00} ms  {(m.Passed ? "ok" : "FAILED: " + string.Join("; ", m.Problems))}"
                    : $"[load] {endpoint.Name,-34} {endpoint.Role,-13} FAILED: {string.Join("; ", m.Problems)}");
            }

            var context = new RunContext(started, options.Command, Machine.Cpu(), Machine.Memory(), loadBefore, Machine.LoadAverage(), dataDescription, $"{counts}; signed in with the {accounts.Kind} ({string.Join(", ", accounts.Emails.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))})",
                options.Threads, options.Connections, options.Seconds, leftOut);
            var report = LoadReport.Markdown(context, measurements);
            var output = options.OutputPath ?? Path.Combine(options.Root, "bench", "load", "results", $"load-{started:yyyyMMdd-HHmmss}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, report, ct);
            Console.WriteLine();
            Console.WriteLine(report);
            Console.WriteLine($"[load] report: {output}");
            var failed = measurements.Where(m => !m.Passed).ToList();
            if (failed.Count == 0) return 0;
            Console.Error.WriteLine($"load: FAILED: {string.Join(", ", failed.Select(m => m.Endpoint.Name))}");
            return 1;
        }
        finally
        {
            Console.WriteLine($"[load] stopping the platform (pid {platform.Id})");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, program)));
}

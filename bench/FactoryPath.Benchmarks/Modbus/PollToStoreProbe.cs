using System.Diagnostics;
using System.Globalization;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Benchmarks.Modbus;

/// <summary>
/// Poll-to-store latency against the machine simulator on loopback, through the whole gateway (the demo's
/// configuration with a 100 ms poll, the default store settings): for one tag of each machine, the time from a
/// reading's timestamp (taken when its poll answered) to the moment the sample can be read back from the DuckDB file.
/// A reader looks every 2 ms, so figures are good to about 2 ms. Also counts the registers polled per second.
/// </summary>
public static class PollToStoreProbe
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("fp-poll-to-store-").FullName;
        try
        {
            await using var simulator = new SimulatorHost(ScenarioLoader.LoadDemo());
            await simulator.StartAsync();
            var yaml = SimulatorGatewayConfig.Yaml(simulator.Machines, "127.0.0.1", simulator.Port, "gw-bench", Path.Combine(folder, "store.duckdb"))
                .Replace("poll: 1s", "poll: 100ms", StringComparison.Ordinal);
            var config = GatewayConfigLoader.Parse(yaml, "bench.yaml", folder);
            await using var host = await GatewayHost.StartAsync(config);
            var tags = simulator.Machines.Select(m => $"{m.Id}.power").ToList();
            var seen = tags.ToDictionary(t => t, _ => DateTimeOffset.MinValue);
            var latencies = new List<double>();
            var clock = Stopwatch.StartNew();
            var readsBefore = host.Gateway.Sources().Sum(s => s.Reads);
            while (clock.Elapsed < Duration)
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var tag in tags)
                {
                    // the store keeps microseconds: ask from the next microsecond, and count each sample once
                    foreach (var sample in host.Store.GetSamples(tag, seen[tag] == DateTimeOffset.MinValue ? now.AddMinutes(-1) : seen[tag].AddTicks(10), now.AddSeconds(1), 1000))
                    {
                        if (sample.Timestamp <= seen[tag])
                        {
                            continue;
                        }

                        if (seen[tag] != DateTimeOffset.MinValue)
                        {
                            latencies.Add((now - sample.Timestamp).TotalMilliseconds);
                        }

                        seen[tag] = sample.Timestamp > seen[tag] ? sample.Timestamp : seen[tag];
                    }
                }

                await Task.Delay(2);
            }

            var reads = host.Gateway.Sources().Sum(s => s.Reads) - readsBefore;
            var registers = config.Tags.Sum(t => Math.Max(t.Registers, 1));
            latencies.Sort();
            double P(double p) => latencies[(int)Math.Ceiling(p * latencies.Count) - 1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"poll-to-store over {Duration.TotalSeconds:0} s, {latencies.Count} samples of {tags.Count} tags: p50 {P(0.5):0.0} ms, p99 {P(0.99):0.0} ms, max {latencies[^1]:0.0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read requests answered: {reads} in {Duration.TotalSeconds:0} s ({reads / Duration.TotalSeconds:0.0}/s over {config.Devices.Count} devices, one read per device and poll; the tags hold {registers} registers, about {registers * reads / config.Devices.Count / Duration.TotalSeconds:0} registers/s)"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

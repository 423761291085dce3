using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Benchmarks.Kpi;

/// <summary>
/// KPI recompute at scale: <c>-- kpi-recompute [days] [machines]</c> (30 days of 100 machines by default) generates
/// 1 Hz sample streams — every second, for every machine, its state code, its good counter (16-bit, rolling over) and
/// its energy meter, in the order a gateway receives them — and feeds them through <see cref="KpiEngine.Recompute(GatewayConfig, IEnumerable{ValueTuple{TagSample, DateTimeOffset}}, DateTimeOffset, Action{IReadOnlyList{KpiMinute}})"/>
/// with the demo's two-shift calendar. The samples are made on the fly (never held), and the closed minutes are only
/// summed, so what is measured is the engine plus the generator; the generator alone is timed too and printed, so its
/// share is known. Prints wall time, samples per second, KPI minutes, managed bytes allocated and the peak working set.
/// </summary>
public static class KpiRecomputeProbe
{
    public static void Run(string[] args)
    {
        var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var machines = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var config = Config(machines);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var seconds = days * 86_400;

        // the generator alone, over the same stream, for its share of the time
        var clock = Stopwatch.StartNew();
        long generated = 0;
        foreach (var (sample, _) in Samples(start, seconds, machines))
        {
            generated += sample.Value is null ? 0 : 1;
        }

        var generatorTime = clock.Elapsed;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        long minutes = 0, running = 0, good = 0, busy = 0;
        KpiEngine.Recompute(config, Samples(start, seconds, machines), start.AddSeconds(seconds + 60), closed =>
        {
            foreach (var minute in closed)
            {
                minutes++;
                busy += minute.PlannedBusyMs;
                running += minute.RunningMs;
                good += minute.Good;
            }
        });
        var total = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var self = Process.GetCurrentProcess();
        var samples = (long)seconds * machines * 3;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{machines} machines x {days} days at 1 Hz: {samples:N0} samples ({generated:N0} generated in the generator pass)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recompute (generator included): {total.TotalSeconds:F1} s, {samples / total.TotalSeconds / 1e6:F2} million samples/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generator alone: {generatorTime.TotalSeconds:F1} s; engine share about {(total - generatorTime).TotalSeconds:F1} s ({samples / (total - generatorTime).TotalSeconds / 1e6:F2} million samples/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"KPI minutes {minutes:N0}; availability {(double)running / busy:P1}; good {good:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed allocated during the recompute: {allocated / 1048576.0:F0} MiB ({(double)allocated / minutes:F0} bytes per KPI minute)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set of the process: {self.PeakWorkingSet64 / 1048576.0:F0} MiB"));
    }

    /// <summary>
    /// Every second, for each machine: state (runs of 2–40 minutes drawn from running 70 %, idle 10 %, down 12 %,
    /// changeover 8 %), the good counter (+1 every 30 s while running, from 65,000 so it rolls over) and energy.
    /// </summary>
    private static IEnumerable<(TagSample, DateTimeOffset)> Samples(DateTimeOffset start, int seconds, int machines)
    {
        var random = new Random(20261124);
        var ids = Enumerable.Range(0, machines).Select(m => (State: $"m{m}.state", Good: $"m{m}.good", Energy: $"m{m}.energy")).ToArray();
        var state = new int[machines];
        var left = new int[machines];
        var good = new double[machines];
        var energy = new double[machines];
        Array.Fill(good, 65_000);
        for (var s = 0; s < seconds; s++)
        {
            var at = start.AddSeconds(s);
            for (var m = 0; m < machines; m++)
            {
                if (--left[m] <= 0)
                {
                    var draw = random.Next(100);
                    state[m] = draw < 70 ? 1 : draw < 80 ? 2 : draw < 92 ? 3 : 4;
                    left[m] = random.Next(120, 2_400);
                }

                if (state[m] == 1 && s % 30 == m % 30)
                {
                    good[m] = (good[m] + 1) % 65_536;
                }

                energy[m] += state[m] == 1 ? 0.004 : 0.001;
                yield return (TagSample.Good(ids[m].State, at, state[m]), at);
                yield return (TagSample.Good(ids[m].Good, at, good[m]), at);
                yield return (TagSample.Good(ids[m].Energy, at, energy[m]), at);
            }
        }
    }

    private static GatewayConfig Config(int machines)
    {
        var yaml = new StringBuilder("""
            gateway: { id: bench }
            calendar:
              timeZone: '+08:00'
              shifts:
                - { name: day, start: '08:00', end: '20:00' }
                - { name: night, start: '20:00', end: '08:00' }
              plannedStops:
                - { name: lunch, start: '12:00', end: '12:30' }
                - { name: supper, start: '00:00', end: '00:30' }
            devices:
              - { name: broker, protocol: mqtt-json, host: localhost }
            equipment:

            """);
        for (var m = 0; m < machines; m++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: m{m}, path: bench/site/area/line-{m / 10}/m{m}, idealCycleTime: 27s }}\n");
        }

        yaml.Append("tags:\n");
        for (var m = 0; m < machines; m++)
        {
            foreach (var (tag, role) in new[] { ("state", "state"), ("good", "good_count"), ("energy", "energy_kwh") })
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: m{m}.{tag}, device: broker, equipment: m{m}, role: {role}, topic: t/m{m}, value: {tag} }}\n");
            }
        }

        return GatewayConfigLoader.Parse(yaml.ToString(), "bench.yaml", Path.GetTempPath());
    }
}

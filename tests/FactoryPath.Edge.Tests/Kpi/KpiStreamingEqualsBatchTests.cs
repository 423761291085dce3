using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using static FactoryPath.Edge.Tests.Kpi.KpiFixtures;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// Property: on generated sample histories (seeded, so a failure names its case) the streaming engine — samples applied
/// as they arrive, clock ticks at random moments closing minutes — gives exactly the KPI minutes of the batch recompute
/// over the same samples with their arrival times. Histories have two machines, state changes (mapped, unmapped and
/// bad), down reasons, 16-bit good and 32-bit scrap counters that roll over and reset, an energy meter, silent gaps
/// longer than the gap setting, samples delayed within the allowed skew and sources a minute behind it, late
/// duplicates, device clocks running ahead, and start times around lunch (a planned stop) and around midnight inside
/// the night shift.
/// </summary>
public sealed class KpiStreamingEqualsBatchTests
{
    private const int Cases = 300;

    [Fact]
    public void Streaming_minutes_equal_the_batch_recompute_on_generated_histories()
    {
        var config = Config();
        var seen = new Coverage();
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            var (events, end) = History(random, seen);
            var engine = new KpiEngine(config);
            var streamed = new List<KpiMinute>();
            foreach (var e in events)
            {
                if (e.Sample is { } sample)
                {
                    engine.Observe(sample, e.At);
                }
                else
                {
                    engine.Close(e.At);
                    streamed.AddRange(engine.TakeClosed());
                }
            }

            engine.Close(end);
            streamed.AddRange(engine.TakeClosed());
            var batch = KpiEngine.Recompute(config, events.Where(e => e.Sample is not null).Select(e => (e.Sample!.Value, e.At)), end);

            Assert.True(streamed.Count > 0, $"seed {seed}: no minutes");
            var (expected, actual) = (Sorted(batch), Sorted(streamed));
            if (!expected.SequenceEqual(actual))
            {
                var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
                Assert.Fail($"seed {seed}: {expected.Count} batch minutes, {actual.Count} streamed; first difference at {at}:\n batch    {expected.ElementAtOrDefault(at)}\n streamed {actual.ElementAtOrDefault(at)}");
            }
            foreach (var machine in streamed.GroupBy(m => m.AssetPath))
            {
                var periods = machine.Select(m => m.PeriodStart).ToList();
                Assert.True(periods.Zip(periods.Skip(1)).All(p => p.Second == p.First.AddMinutes(1)), $"seed {seed}: {machine.Key} minutes not contiguous");
            }

            foreach (var m in streamed)
            {
                Assert.Equal(m.PlannedBusyMs, m.RunningMs + m.DownMs + m.SetupMs + m.IdleMs + m.UnknownMs);
                Assert.Equal(m.DownMs, m.DownMsByReason.Values.Sum());
                Assert.InRange(m.PlannedBusyMs, 0, 60_000);
                Assert.InRange(m.Good, 0, 4 * 60); // a rollover taken for a reset or a drop would count thousands
                seen.Note(m);
            }

            var health = engine.Health();
            seen.Late |= health.LateSamples > 0;
            seen.Future |= health.FutureSamples > 0;
        }

        // the histories did exercise what they are meant to
        Assert.True(seen.Late && seen.Future && seen.Gap && seen.Stop && seen.Night && seen.Rollover && seen.CarriedIn && seen.NoShift, seen.ToString());
    }

    private static List<string> Sorted(IEnumerable<KpiMinute> minutes) =>
        minutes.OrderBy(m => m.AssetPath, StringComparer.Ordinal).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text).ToList();

    /// <summary>A generated history: samples at their arrival times and clock ticks (null samples), in time order.</summary>
    internal static (List<Event> Events, DateTimeOffset End) History(Random random, Coverage seen, bool futureClocks = true, bool lateSources = true)
    {
        var start = (random.Next(3)) switch
        {
            0 => Local(23, 20).AddMinutes(random.Next(0, 50)), // night shift, across midnight and its meal break
            1 => Local(11, 30).AddMinutes(random.Next(0, 50)), // around lunch
            _ => Local(4, 0).AddMinutes(random.Next(0, 20 * 60)),
        };
        start = start.AddMilliseconds(random.Next(0, 60_000));
        var length = TimeSpan.FromMinutes(random.Next(10, 90));
        var samples = new List<Event>();
        foreach (var prefix in new[] { "p1", "p2" })
        {
            var at = start.AddSeconds(random.Next(0, 60));
            // within the 30 s skew with the jitter and the late repeats, which a recompute from the store needs (it has no
            // arrival times); now and then press 2 is a source whose samples arrive a minute after they were stamped
            var delay = TimeSpan.FromSeconds(lateSources && prefix == "p2" && random.NextDouble() < 0.2 ? 60 : random.Next(0, 18));
            var state = random.Next(1, 5);
            double good = random.Next(2) == 0 ? 65_400 + random.Next(0, 100) : random.Next(0, 1000);
            double scrap = 4_294_967_200d + random.Next(0, 90);
            var energy = random.NextDouble() * 1000;
            while (at < start + length)
            {
                var arrives = at + delay + TimeSpan.FromMilliseconds(random.Next(0, 2_000));
                void Emit(string tag, double? value) => samples.Add(new Event(arrives,
                    value is { } v ? TagSample.Good($"{prefix}.{tag}", at, v) : TagSample.Bad($"{prefix}.{tag}", at)));

                if (random.NextDouble() < 0.15)
                {
                    state = random.Next(1, 6) is var code && code == 5 ? 9 : code; // 9 is not mapped
                    if (state == 3 && random.NextDouble() < 0.7)
                    {
                        Emit("reason", random.Next(1, 7));
                    }
                }

                if (random.NextDouble() < 0.03)
                {
                    Emit("state", null);
                }
                else if (random.NextDouble() < 0.5)
                {
                    Emit("state", state);
                }

                if (state == 3 && random.NextDouble() < 0.1)
                {
                    Emit("reason", random.Next(1, 7));
                }

                var before = good;
                good = random.NextDouble() < 0.01 ? random.Next(0, 5) : (good + (state == 1 ? random.Next(0, 4) : 0)) % 65_536;
                seen.Rollover |= before > 60_000 && good < 10;
                scrap = (scrap + (random.NextDouble() < 0.2 ? 1 : 0)) % 4_294_967_296d;
                energy += random.NextDouble() * 0.05;
                if (random.NextDouble() < 0.6)
                {
                    Emit("good", random.NextDouble() < 0.02 ? null : good);
                }

                if (random.NextDouble() < 0.3)
                {
                    Emit("scrap", scrap);
                }

                if (random.NextDouble() < 0.3)
                {
                    Emit("energy", energy);
                }

                if (random.NextDouble() < 0.02)
                {
                    // a repeat stamped a little earlier than what was just sent: late
                    samples.Add(new Event(arrives, TagSample.Good($"{prefix}.state", at.AddMilliseconds(-random.Next(1, 10_000)), random.Next(1, 5))));
                }

                if (futureClocks && random.NextDouble() < 0.01)
                {
                    // a device clock far ahead: refused
                    samples.Add(new Event(arrives, TagSample.Good($"{prefix}.state", arrives.AddSeconds(random.Next(31, 600)), 3)));
                }

                at += random.NextDouble() < 0.03
                    ? TimeSpan.FromSeconds(random.Next(180, 600)) // a silent gap
                    : TimeSpan.FromMilliseconds(random.Next(200, 20_000));
            }
        }

        // arrival order; clock ticks at random moments between arrivals
        var events = samples.OrderBy(e => e.At).ToList();
        var end = events[^1].At.AddMinutes(random.Next(0, 6));
        var ticks = Enumerable.Range(0, random.Next(0, 60)).Select(_ => new Event(start + (end - start) * random.NextDouble(), null));
        events = events.Concat(ticks).OrderBy(e => e.At).ToList();
        return (events, end);
    }

    internal readonly record struct Event(DateTimeOffset At, TagSample? Sample);

    internal sealed class Coverage
    {
        public bool Late, Future, Gap, Stop, Night, Rollover, CarriedIn, NoShift;

        public void Note(KpiMinute m)
        {
            Gap |= m.UnknownMs > 0;
            Stop |= m.Shift is not null && m.PlannedBusyMs == 0;
            Night |= m.Shift == "night" && m.PlannedBusyMs > 0;
            CarriedIn |= m.DownCarriedIn;
            NoShift |= m.Shift is null;
        }

        public override string ToString() =>
            $"late {Late}, future {Future}, gap {Gap}, stop {Stop}, night {Night}, rollover {Rollover}, carried in {CarriedIn}, no shift {NoShift}";
    }
}

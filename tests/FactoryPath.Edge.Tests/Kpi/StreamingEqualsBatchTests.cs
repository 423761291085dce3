using FactoryPath.Edge.Kpi;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// Property: on generated histories (seeded, so a failure names its case), the streaming accumulator's snapshot at any
/// moment equals the batch calculation over the whole history for the shift up to that moment — every time element,
/// ratio and count, exactly. Histories include changes before the shift, simultaneous changes, overlapping planned
/// stops, shifts across midnight, and snapshots between changes.
/// </summary>
public sealed class StreamingEqualsBatchTests
{
    [Fact]
    public void Snapshot_EqualsBatch_OnGeneratedHistories()
    {
        const int Cases = 400;
        for (var seed = 1; seed <= Cases; seed++)
        {
            var random = new Random(seed);
            var start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8)).AddMinutes(random.Next(0, 24 * 60));
            var shift = new TimeInterval(start, start.AddMinutes(random.Next(30, 12 * 60)));
            var stops = Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => Around(random, shift, maxMinutes: 90))
                .Select(a => new TimeInterval(a, a.AddMinutes(random.Next(1, 90))))
                .ToList();
            var changes = Enumerable.Range(0, random.Next(0, 40))
                .Select(_ => Around(random, shift, maxMinutes: 60))
                .Order()
                .Select(at => new ActivityChange(at, (MachineActivity)random.Next(1, 5), random.Next(0, 3) == 0 ? null : random.Next(1, 6)))
                .ToList();
            var ideal = TimeSpan.FromSeconds(random.Next(5, 120));
            var accumulator = new ShiftKpiAccumulator(shift, stops, ideal);
            var observed = new List<ActivityChange>();
            long good = 0, scrap = 0;
            double energy = 0;

            var moments = Enumerable.Range(0, 8).Select(_ => Around(random, shift, maxMinutes: 30)).Append(shift.End).Order().ToList();
            var next = 0;
            foreach (var moment in moments)
            {
                while (next < changes.Count && changes[next].At <= moment)
                {
                    accumulator.Observe(changes[next]);
                    observed.Add(changes[next]);
                    next++;
                }

                var (g, s, e) = (random.Next(0, 200), random.Next(0, 10), random.NextDouble() * 50);
                accumulator.Count(g, s, e);
                (good, scrap, energy) = (good + g, scrap + s, energy + e);
                var until = moment < shift.Start ? shift.Start : moment > shift.End ? shift.End : moment;
                if (until <= shift.Start)
                {
                    continue;
                }

                var streamed = accumulator.Snapshot(moment);
                var batch = ShiftKpiCalculator.Compute(new ShiftInput(new TimeInterval(shift.Start, until), stops, observed, good, scrap, ideal) { EnergyKwh = energy });
                Same(batch, streamed, $"seed {seed}, at {moment:O}");
            }
        }
    }

    [Fact]
    public void OlderChange_IsRefused()
    {
        var start = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var accumulator = new ShiftKpiAccumulator(new TimeInterval(start, start.AddHours(8)), [], TimeSpan.FromSeconds(30));
        accumulator.Observe(new ActivityChange(start.AddHours(1), MachineActivity.Running));

        var e = Assert.Throws<ArgumentException>(() => accumulator.Observe(new ActivityChange(start.AddMinutes(30), MachineActivity.Down, 1)));

        Assert.Contains("older than the last one", e.Message);
    }

    private static DateTimeOffset Around(Random random, TimeInterval shift, int maxMinutes) =>
        shift.Start.AddMinutes(random.Next(-maxMinutes, (int)shift.Length.TotalMinutes + maxMinutes)).AddSeconds(random.Next(0, 60));

    private static void Same(ShiftKpis batch, ShiftKpis streamed, string where)
    {
        Assert.True(batch.PlannedBusyTime == streamed.PlannedBusyTime, $"{where}: PBT {batch.PlannedBusyTime} vs {streamed.PlannedBusyTime}");
        Assert.True(batch.ProductionTime == streamed.ProductionTime, $"{where}: APT {batch.ProductionTime} vs {streamed.ProductionTime}");
        Assert.True(batch.DownTime == streamed.DownTime, $"{where}: ADOT {batch.DownTime} vs {streamed.DownTime}");
        Assert.True(batch.SetupTime == streamed.SetupTime && batch.DelayTime == streamed.DelayTime && batch.UnknownTime == streamed.UnknownTime, $"{where}: setup/delay/unknown differ");
        Assert.True(batch.DownTimeByReason.SequenceEqual(streamed.DownTimeByReason), $"{where}: down time by reason differs");
        Assert.True(batch.Failures == streamed.Failures, $"{where}: failures {batch.Failures} vs {streamed.Failures}");
        Assert.True(batch.ProducedQuantity == streamed.ProducedQuantity, $"{where}: produced quantity differs");
        Assert.True(Equals(batch.Availability, streamed.Availability) && Equals(batch.Effectiveness, streamed.Effectiveness)
            && Equals(batch.QualityRatio, streamed.QualityRatio) && Equals(batch.Oee, streamed.Oee) && Equals(batch.EnergyPerGoodUnit, streamed.EnergyPerGoodUnit),
            $"{where}: ratios differ (A {batch.Availability}/{streamed.Availability}, E {batch.Effectiveness}/{streamed.Effectiveness}, Q {batch.QualityRatio}/{streamed.QualityRatio}, OEE {batch.Oee}/{streamed.Oee})");
    }
}

using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using static FactoryPath.Edge.Tests.Kpi.KpiFixtures;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// Property: a shift's KPIs summed from the engine's KPI minutes (<see cref="KpiTotals"/>) equal the shift calculation
/// of ISO 22400 from the same activity changes (<see cref="ShiftKpiCalculator"/>) — every time element, the down time
/// by reason and the failures (which the minutes carry as down starts plus the down period carried into the first busy
/// minute). Generated day shifts (08:00–16:00, lunch planned) and night shifts (22:00–06:00 across midnight, meal
/// 00:00–00:20), or the rest of such a shift from a minute inside it; states changing at random milliseconds, the state
/// repeated at least every 50 s (no gaps).
/// </summary>
public sealed class KpiMinutesEqualShiftKpisTests
{
    [Fact]
    public void Minutes_summed_over_a_shift_equal_the_shift_calculation()
    {
        var config = Config();
        for (var seed = 1; seed <= 150; seed++)
        {
            var random = new Random(seed);
            var night = random.Next(2) == 0;
            var whole = night ? new TimeInterval(Local(22, 0), Local(30, 0)) : new TimeInterval(Local(8, 0), Local(16, 0));

            // the whole shift, or its rest from a minute inside it (then a down period running at that minute is carried in)
            var shift = random.Next(2) == 0 ? whole : whole with { Start = whole.Start.AddMinutes(random.Next(1, 479)) };
            var stops = night ? new[] { new TimeInterval(Local(24, 0), Local(24, 20)) } : [new TimeInterval(Local(12, 0), Local(12, 30))];
            var samples = new List<TagSample>();
            var changes = new List<ActivityChange>();
            var at = whole.Start.AddMinutes(-random.Next(1, 30)).AddMilliseconds(random.Next(0, 60_000));
            var code = 0;
            var lastSent = DateTimeOffset.MinValue;
            long good = 0, counter = 65_000;
            while (at < shift.End.AddMinutes(2))
            {
                if (code == 0 || random.NextDouble() < 0.3)
                {
                    var next = random.Next(1, 6) is var c && c == 5 ? 9 : c;
                    if (next != code)
                    {
                        code = next;
                        int? reason = null;
                        if (code == 3)
                        {
                            reason = random.Next(1, 6);
                            samples.Add(S("p1.reason", at, reason.Value));
                        }

                        changes.Add(new ActivityChange(at, config.KpiSettings.ActivityOf(code), code == 3 ? reason : null));
                        samples.Add(S("p1.state", at, code));
                        lastSent = at;
                    }
                }

                if (at - lastSent >= TimeSpan.FromSeconds(50))
                {
                    samples.Add(S("p1.state", at, code));
                    lastSent = at;
                }

                if (code == 1 && random.NextDouble() < 0.5)
                {
                    counter = (counter + 1) % 65_536;
                    if (at >= shift.Start && at < shift.End && samples.Any(s => s.TagId == "p1.good"))
                    {
                        good++;
                    }

                    samples.Add(S("p1.good", at, counter));
                }

                at = at.AddMilliseconds(random.Next(1_000, 50_000));
            }

            var minutes = KpiEngine.Recompute(config, samples, shift.End.AddMinutes(5))
                .Where(m => m.AssetPath == Press1 && m.PeriodStart >= shift.Start && m.PeriodStart < shift.End).ToList();
            var summed = KpiTotals.Of(minutes).ToKpis();
            var expected = ShiftKpiCalculator.Compute(new ShiftInput(shift, stops, changes, good, 0, TimeSpan.FromSeconds(30)));

            var what = $"seed {seed}";
            Assert.True(expected.PlannedBusyTime == summed.PlannedBusyTime, what);
            Assert.Equal((expected.ProductionTime, expected.DownTime, expected.SetupTime, expected.DelayTime, expected.UnknownTime),
                (summed.ProductionTime, summed.DownTime, summed.SetupTime, summed.DelayTime, summed.UnknownTime));
            Assert.Equal(expected.DownTimeByReason.OrderBy(r => r.Key), summed.DownTimeByReason.OrderBy(r => r.Key));
            Assert.True(expected.Failures == summed.Failures, $"{what}: failures {expected.Failures} by the shift, {summed.Failures} from minutes");
            Assert.Equal(expected.ProducedQuantity, summed.ProducedQuantity);
            Assert.Equal(expected.Oee, summed.Oee);
        }
    }
}

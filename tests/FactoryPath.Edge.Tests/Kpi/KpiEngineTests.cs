using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using static FactoryPath.Edge.Tests.Kpi.KpiFixtures;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// Worked examples for KPI minutes, computed by hand from the ISO 22400-2:2014 time elements (PBT = shift time outside
/// planned stops; APT running, ADOT down, AUST changeover, ADET idle; Unknown is in PBT only) and the engine's rules
/// (KpiEngine's class comment). The working is written beside each example; times are local (+08:00), the calendar is
/// <see cref="KpiFixtures"/>' (day 08:00–16:00 with lunch 12:00–12:30, night 22:00–06:00 with a meal 00:00–00:20).
/// </summary>
public sealed class KpiEngineTests
{
    private static (KpiEngine Engine, List<KpiMinute> Minutes) Run(IEnumerable<TagSample> samples, DateTimeOffset closeAt)
    {
        var engine = new KpiEngine(Config());
        foreach (var sample in samples)
        {
            engine.Observe(sample, sample.Timestamp);
        }

        engine.Close(closeAt);
        return (engine, engine.TakeClosed().ToList());
    }

    private static KpiMinute At(List<KpiMinute> minutes, string path, DateTimeOffset start) =>
        Assert.Single(minutes, m => m.AssetPath == path && m.PeriodStart == start);

    /// <summary>Samples of a state held from <paramref name="from"/> to <paramref name="to"/>, repeated every minute as a Modbus source would.</summary>
    private static IEnumerable<TagSample> Held(string tag, double code, DateTimeOffset from, DateTimeOffset to)
    {
        for (var at = from; at < to; at = at.AddMinutes(1))
        {
            yield return S(tag, at, code);
        }
    }

    [Fact]
    public void A_breakdown_across_two_minutes_counts_once_and_is_carried_into_the_second()
    {
        // 08:00:00 running (good 100, scrap 5, energy 1000.0); 08:00:40 down, reason 7 (good 101); 08:01:10 running;
        // 08:01:50 good 103, energy 1000.5. Closed at 08:02:30 less 30 s skew = 08:02:00: two minutes.
        // 08:00: PBT 60 s = running 40 s + down 20 s (reason 7); one down period starts; good 101 − 100 = 1; energy 0
        //        (the first reading is the baseline).
        // 08:01: down 10 s (reason 7) + running 50 s; the down period was counted in 08:00 → carried in, no new start;
        //        good 103 − 101 = 2; energy 0.5 kWh.
        // Both minutes: PBT 120 s, APT 90 s → availability 0.75; 3 units × 30 s / 90 s → effectiveness 1; quality 3/3;
        // OEE 0.75; failures 1 (MTTR = 30 s). From 08:01 alone: failures 1, carried in.
        var (_, minutes) = Run(
        [
            S("p1.state", Local(8, 0), 1), S("p1.good", Local(8, 0), 100), S("p1.scrap", Local(8, 0), 5), S("p1.energy", Local(8, 0), 1000),
            S("p1.reason", Local(8, 0, 40), 7), S("p1.state", Local(8, 0, 40), 3), S("p1.good", Local(8, 0, 40), 101),
            S("p1.state", Local(8, 1, 10), 1),
            S("p1.good", Local(8, 1, 50), 103), S("p1.energy", Local(8, 1, 50), 1000.5),
        ], Local(8, 2, 30));

        Assert.Equal(2, minutes.Count);
        var first = At(minutes, Press1, Local(8, 0));
        Assert.Equal(("day", 60_000L, 40_000L, 20_000L, 0L, 0L, 0L), (first.Shift, first.PlannedBusyMs, first.RunningMs, first.DownMs, first.SetupMs, first.IdleMs, first.UnknownMs));
        Assert.Equal(20_000, first.DownMsByReason[7]);
        Assert.Equal((1, false, 1L, 0L, 0d, 30d), (first.DownStarts, first.DownCarriedIn, first.Good, first.Scrap, first.EnergyKwh!.Value, first.IdealCycleSeconds));
        var second = At(minutes, Press1, Local(8, 1));
        Assert.Equal((60_000L, 50_000L, 10_000L), (second.PlannedBusyMs, second.RunningMs, second.DownMs));
        Assert.Equal((0, true, 2L), (second.DownStarts, second.DownCarriedIn, second.Good));
        Assert.Equal(0.5, second.EnergyKwh!.Value, 9);

        var kpis = KpiTotals.Of(minutes).ToKpis();
        Assert.Equal(0.75, kpis.Availability!.Value, 12);
        Assert.Equal(1.0, kpis.Effectiveness!.Value, 12);
        Assert.Equal(1.0, kpis.QualityRatio!.Value, 12);
        Assert.Equal(0.75, kpis.Oee!.Value, 12);
        Assert.Equal(1, kpis.Failures);
        Assert.Equal(TimeSpan.FromSeconds(30), kpis.MeanTimeToRepair);
        Assert.Equal(1, new KpiTotals().Add(second).Failures);
    }

    [Fact]
    public void Counter_rollovers_and_a_reset_count_the_units_made()
    {
        // Good (16-bit): 65,530 → 65,534 (+4) → 3: a drop of 65,531 from the upper half, a rollover: 3 + 65,536 − 65,534
        // = 5 → 1: a drop of 2, a reset: counts 1. Good = 4 + 5 + 1 = 10.
        // Scrap (32-bit): 4,294,967,290 → 6: rollover, 6 + 4,294,967,296 − 4,294,967,290 = 12.
        // Energy: 4,294,967,000.0 → 4,294,967,295.0 (+295) → 5.0: rollover of the 32-bit range, 5 + 2^32 − 4,294,967,295 = 6;
        // 301 kWh in the minute. Quality ratio = 10 / 22.
        var (_, minutes) = Run(
        [
            S("p1.state", Local(9, 0), 1),
            S("p1.good", Local(9, 0), 65_530), S("p1.scrap", Local(9, 0), 4_294_967_290), S("p1.energy", Local(9, 0), 4_294_967_000),
            S("p1.good", Local(9, 0, 20), 65_534), S("p1.energy", Local(9, 0, 20), 4_294_967_295),
            S("p1.good", Local(9, 0, 40), 3), S("p1.scrap", Local(9, 0, 40), 6), S("p1.energy", Local(9, 0, 40), 5),
            S("p1.good", Local(9, 0, 50), 1),
        ], Local(9, 1, 30));

        var minute = Assert.Single(minutes);
        Assert.Equal((10L, 12L), (minute.Good, minute.Scrap));
        Assert.Equal(301, minute.EnergyKwh!.Value, 6);
        Assert.Equal(10.0 / 22, KpiTotals.Of(minutes).ToKpis().QualityRatio!.Value, 12);
    }

    [Fact]
    public void A_data_gap_is_unknown_from_the_last_sample_plus_the_gap_and_the_counter_takes_a_new_baseline()
    {
        // Running from 08:00:00, good 100; last sample 08:00:30 (good 102). The gap is 3 min: Unknown from 08:03:30.
        // 08:05:10 running again, good 150 (a new baseline: the 48 units made in the gap are not counted); 08:05:40 good
        // 152. Closed at 08:07:00 − 30 s = 08:06:30: minutes 08:00–08:05.
        // 08:00 running 60 s, good 2; 08:01, 08:02 running 60 s; 08:03 running 30 s + unknown 30 s; 08:04 unknown 60 s;
        // 08:05 unknown 10 s + running 50 s, good 2. PBT 360 s, APT 260 s, unknown 100 s: availability 260/360.
        var (_, minutes) = Run(
        [
            S("p1.state", Local(8, 0), 1), S("p1.good", Local(8, 0), 100), S("p1.good", Local(8, 0, 30), 102),
            S("p1.state", Local(8, 5, 10), 1), S("p1.good", Local(8, 5, 10), 150), S("p1.good", Local(8, 5, 40), 152),
        ], Local(8, 7));

        Assert.Equal(
            [(60_000L, 0L, 2L), (60_000, 0, 0), (60_000, 0, 0), (30_000, 30_000, 0), (0, 60_000, 0), (50_000, 10_000, 2)],
            minutes.Select(m => (m.RunningMs, m.UnknownMs, m.Good)));
        Assert.All(minutes, m => Assert.Equal(60_000, m.PlannedBusyMs));
        var kpis = KpiTotals.Of(minutes).ToKpis();
        Assert.Equal(TimeSpan.FromSeconds(100), kpis.UnknownTime);
        Assert.Equal(260.0 / 360, kpis.Availability!.Value, 12);
    }

    [Fact]
    public void Planned_stops_take_out_busy_time_and_a_down_period_across_lunch_is_one_failure()
    {
        // Press 1: running 11:59:00, down (reason 2) 11:59:30, still down through lunch (the state repeated every minute),
        // running 12:31:00. 11:59: running 30 s, down 30 s, one start. 12:00–12:29: shift "day", PBT 0. 12:30: down 60 s,
        // carried in (counted at 11:59). 12:31: running. Failures 11:59–12:32: 1; from 12:30 on: 1 (carried in).
        // Press 2: running until 12:10:00, down (reason 4) from 12:10 inside lunch, running 12:30:30. The down period is
        // first seen in busy time at 12:30: 12:10 has PBT 0 and no start; 12:30 has down 30 s and one start, not carried in.
        var samples = new List<TagSample> { S("p1.state", Local(11, 59), 1), S("p1.reason", Local(11, 59, 30), 2) };
        samples.AddRange(Held("p1.state", 3, Local(11, 59, 30), Local(12, 31)));
        samples.Add(S("p1.state", Local(12, 31), 1));
        samples.Add(S("p1.state", Local(12, 32), 1));
        var p2 = Held("p2.state", 1, Local(11, 59), Local(12, 10)).Append(S("p2.reason", Local(12, 10), 4))
            .Concat(Held("p2.state", 3, Local(12, 10), Local(12, 30, 30))).Append(S("p2.state", Local(12, 30, 30), 1)).Append(S("p2.state", Local(12, 32), 1));
        var (_, minutes) = Run(samples.Concat(p2).OrderBy(s => s.Timestamp), Local(12, 32, 30));

        var before = At(minutes, Press1, Local(11, 59));
        Assert.Equal((30_000L, 30_000L, 1, false), (before.RunningMs, before.DownMs, before.DownStarts, before.DownCarriedIn));
        Assert.All(minutes.Where(m => m.PeriodStart >= Local(12, 0) && m.PeriodStart < Local(12, 30)),
            m => Assert.Equal(("day", 0L, 0L, 0, false), (m.Shift, m.PlannedBusyMs, m.DownMs, m.DownStarts, m.DownCarriedIn)));
        var after = At(minutes, Press1, Local(12, 30));
        Assert.Equal((60_000L, 0, true), (after.DownMs, after.DownStarts, after.DownCarriedIn));
        Assert.Equal(1, KpiTotals.Of(minutes.Where(m => m.AssetPath == Press1)).Failures);
        Assert.Equal(1, KpiTotals.Of(minutes.Where(m => m.AssetPath == Press1 && m.PeriodStart >= Local(12, 30))).Failures);

        var p2After = At(minutes, Press2, Local(12, 30));
        Assert.Equal((30_000L, 30_000L, 1, false), (p2After.DownMs, p2After.RunningMs, p2After.DownStarts, p2After.DownCarriedIn));
        Assert.Equal(30_000, p2After.DownMsByReason[4]);
        Assert.Equal(1, KpiTotals.Of(minutes.Where(m => m.AssetPath == Press2)).Failures);
    }

    [Fact]
    public void A_night_shift_crosses_midnight_with_its_meal_break_planned()
    {
        // Running from 23:58 to 00:22 (repeated every minute). 23:58, 23:59: shift "night", PBT 60 s each. 00:00–00:19
        // (the next day): the meal break, shift "night", PBT 0. 00:20, 00:21: PBT 60 s. At 06:00 the shift ends.
        var samples = Held("p1.state", 1, Local(23, 58), Local(24, 23));
        var (_, minutes) = Run(samples, Local(24, 22, 30));

        Assert.Equal(24, minutes.Count);
        Assert.All(minutes, m => Assert.Equal("night", m.Shift));
        Assert.Equal(4 * 60_000, minutes.Sum(m => m.PlannedBusyMs));
        Assert.Equal(minutes.Sum(m => m.PlannedBusyMs), minutes.Sum(m => m.RunningMs));
        Assert.Equal(0, At(minutes, Press1, Local(24, 0)).PlannedBusyMs);
        Assert.Equal(60_000, At(minutes, Press1, Local(24, 20)).PlannedBusyMs);

        var (_, morning) = Run(Held("p1.state", 1, Local(5, 59), Local(6, 2)), Local(6, 2, 30));
        Assert.Equal([("night", 60_000L), (null, 0), (null, 0)], morning.Select(m => (m.Shift, m.PlannedBusyMs)));
    }

    [Fact]
    public void Late_samples_are_dropped_and_counted_without_changing_any_minute()
    {
        // Running 08:00:00, down 08:00:30; then a running report stamped 08:00:20 arrives: older than the machine's last
        // applied time (08:00:30), so it is late. After the tick at 08:02:00 (clock 08:01:30) a report stamped 08:01:10
        // is late too. The minutes equal those without the late reports.
        var onTime = new[] { S("p1.state", Local(8, 0), 1), S("p1.state", Local(8, 0, 30), 3), S("p1.state", Local(8, 1, 40), 1) };
        var engine = new KpiEngine(Config());
        engine.Observe(onTime[0], Local(8, 0));
        engine.Observe(onTime[1], Local(8, 0, 30));
        engine.Observe(S("p1.state", Local(8, 0, 20), 1), Local(8, 0, 31));
        engine.Close(Local(8, 2));
        engine.Observe(S("p1.state", Local(8, 1, 10), 1), Local(8, 2, 1));
        engine.Observe(onTime[2], Local(8, 2, 2));
        engine.Close(Local(8, 3));
        var streamed = engine.TakeClosed();

        Assert.Equal(2, engine.Health().LateSamples);
        var (_, expected) = Run(onTime, Local(8, 3));
        Assert.Equal(expected.Select(Text), streamed.Select(Text));
        Assert.Equal((30_000L, 30_000L), (streamed[0].RunningMs, streamed[0].DownMs));
        Assert.Equal((40_000L, 20_000L), (streamed[1].DownMs, streamed[1].RunningMs));
    }

    [Fact]
    public void A_sample_stamped_beyond_the_allowed_skew_is_refused()
    {
        // The device's clock runs 5 minutes ahead: a report stamped 08:05:00 arriving at 08:00:40 is 4 min 20 s ahead,
        // beyond 30 s, and is refused; one 20 s ahead is accepted.
        var engine = new KpiEngine(Config());
        engine.Observe(S("p1.state", Local(8, 0), 1), Local(8, 0));
        engine.Observe(S("p1.state", Local(8, 5), 3), Local(8, 0, 40));
        engine.Observe(S("p1.state", Local(8, 1), 2), Local(8, 0, 40));
        engine.Close(Local(8, 2, 30));

        Assert.Equal((1L, 2L), (engine.Health().FutureSamples, engine.Health().SamplesApplied));
        var minutes = engine.TakeClosed();
        Assert.Equal([(60_000L, 0L), (0, 60_000)], minutes.Select(m => (m.RunningMs, m.IdleMs)));
    }

    [Fact]
    public void A_sample_stamped_long_before_it_arrived_is_late_and_does_not_start_the_timeline_years_back()
    {
        // a device whose clock was reset reports 1970; the gateway's clock says 08:00:10. More than 30 s behind: late.
        // The machine's minutes then start with its first sample on time.
        var engine = new KpiEngine(Config());
        engine.Observe(S("p1.state", DateTimeOffset.UnixEpoch, 1), Local(8, 0, 10));
        engine.Observe(S("p1.state", Local(8, 0, 10), 1), Local(8, 0, 10));
        engine.Close(Local(8, 1, 30));

        Assert.Equal(1, engine.Health().LateSamples);
        var minute = Assert.Single(engine.TakeClosed());
        Assert.Equal((Local(8, 0), 10_000L, 50_000L), (minute.PeriodStart, minute.UnknownMs, minute.RunningMs));
    }

    [Fact]
    public void Bad_quality_and_unmapped_codes_are_unknown_time_and_a_machine_without_cycle_time_gets_no_minutes()
    {
        // Running 08:00:00, bad state 08:00:15, code 9 (not mapped) 08:00:30, changeover (4) 08:00:45:
        // running 15 s, unknown 30 s, setup 15 s.
        var (engine, minutes) = Run(
        [
            S("p1.state", Local(8, 0), 1), TagSample.Bad("p1.state", Local(8, 0, 15)), S("p1.state", Local(8, 0, 30), 9),
            S("p1.state", Local(8, 0, 45), 4), S("dryer.temp", Local(8, 0, 50), 80),
        ], Local(8, 1, 30));

        var minute = Assert.Single(minutes);
        Assert.Equal((15_000L, 30_000L, 15_000L), (minute.RunningMs, minute.UnknownMs, minute.SetupMs));
        Assert.Equal(1, engine.Health().UnknownStateCodes);
        Assert.Equal([Press1, Press2], engine.Machines);
    }

    [Fact]
    public void A_configured_state_mapping_replaces_the_simulator_codes()
    {
        // states: 10 running, 20 down. Code 1 is then unmapped: unknown.
        var config = Config("  states: { 10: running, 20: down }");
        var engine = new KpiEngine(config);
        foreach (var sample in new[] { S("p1.state", Local(8, 0), 10), S("p1.state", Local(8, 0, 20), 20), S("p1.state", Local(8, 0, 40), 1) })
        {
            engine.Observe(sample, sample.Timestamp);
        }

        engine.Close(Local(8, 1, 30));

        var minute = Assert.Single(engine.TakeClosed());
        Assert.Equal((20_000L, 20_000L, 20_000L, 1), (minute.RunningMs, minute.DownMs, minute.UnknownMs, minute.DownStarts));
    }

    [Fact]
    public void The_minute_in_progress_is_carried_to_now_without_closing_it()
    {
        var engine = new KpiEngine(Config());
        engine.Observe([S("p1.state", Local(8, 0), 1), S("p1.good", Local(8, 0), 1), S("p1.good", Local(8, 0, 10), 4)], Local(8, 0, 10));

        var now = engine.InProgress(Local(8, 0, 25));
        var minute = Assert.Single(now);
        Assert.Equal((Local(8, 0), 25_000L, 25_000L, 3L), (minute.PeriodStart, minute.PlannedBusyMs, minute.RunningMs, minute.Good));
        Assert.Empty(engine.TakeClosed());

        // later the engine still closes the whole minute from its own state
        engine.Close(Local(8, 1, 30));
        Assert.Equal(60_000, Assert.Single(engine.TakeClosed()).RunningMs);
    }

    [Fact]
    public void A_new_configuration_changes_cycle_times_and_machines_from_then_on()
    {
        // press 1 runs from 08:00; at 08:01:00 a reload sets its cycle to 20 s and removes press 2 (its open minute is
        // dropped); press 1's minute closed before the reload keeps 30 s, the one closed after it has 20 s
        var engine = new KpiEngine(Config());
        engine.Observe([S("p1.state", Local(8, 0), 1), S("p2.state", Local(8, 0), 1)], Local(8, 0));
        engine.Observe([S("p1.state", Local(8, 1), 1), S("p2.state", Local(8, 1), 1)], Local(8, 1));
        var before = engine.TakeClosed();
        var reloaded = Config();
        reloaded = reloaded with
        {
            Equipment = reloaded.Equipment.Select(e => e.Id switch
            {
                "press-1" => e with { IdealCycleTime = TimeSpan.FromSeconds(20) },
                "press-2" => e with { IdealCycleTime = null },
                _ => e,
            }).ToList(),
        };
        engine.Configure(reloaded);
        engine.Observe([S("p1.state", Local(8, 2), 1), S("p2.state", Local(8, 2), 1)], Local(8, 2));

        Assert.Equal([(Press1, 30d), (Press2, 45d)], before.Select(m => (m.AssetPath, m.IdealCycleSeconds)).Order());
        Assert.Equal([Press1], engine.Machines);
        Assert.Equal([(Press1, 20d)], engine.TakeClosed().Select(m => (m.AssetPath, m.IdealCycleSeconds)));
    }

    internal static string Text(KpiMinute m) =>
        $"{m.AssetPath} {m.PeriodStart:O} {m.Shift} {m.PlannedBusyMs} {m.RunningMs} {m.DownMs} {m.SetupMs} {m.IdleMs} {m.UnknownMs} " +
        $"[{string.Join(",", m.DownMsByReason.OrderBy(r => r.Key).Select(r => $"{r.Key}:{r.Value}"))}] {m.DownStarts} {m.DownCarriedIn} " +
        $"{m.Good} {m.Scrap} {m.EnergyKwh:R} {m.IdealCycleSeconds:R}";
}

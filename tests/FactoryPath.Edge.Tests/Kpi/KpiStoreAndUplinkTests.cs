using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;
using static FactoryPath.Edge.Tests.Kpi.KpiFixtures;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>KPI minutes with the real DuckDB store and the real uplink journal: stored, recomputed, resumed, sent once.</summary>
public sealed class KpiStoreAndUplinkTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static RollupUplink Uplink(LocalStore store, UplinkJournal journal, GatewayKpis kpis, int perBatch = 5_000) =>
        new(store, journal, new RollupUplinkOptions { MaxRecordsPerBatch = perBatch }, () => new EquipmentRegisterReport([]),
            () => new GatewayHealthReport(DateTimeOffset.UnixEpoch, "test", [], 0, []), () => true, kpis: kpis);

    private static List<KpiMinute> Journalled(UplinkJournal journal) =>
        journal.ReadAfter(0, 10_000).Select(r => r.Envelope()).Where(e => e.Kind == UplinkKinds.Kpi)
            .SelectMany(e => e.PayloadAs<KpiBatch>().Items).ToList();

    private static async Task FeedAsync(LocalStore store, KpiEngine engine, IEnumerable<TagSample> samples)
    {
        foreach (var sample in samples)
        {
            await store.WriteAsync([sample], default);
            engine.Observe(sample, sample.Timestamp);
        }

        await store.FlushAsync();
    }

    [Fact]
    public async Task Minutes_are_stored_as_made_and_a_minute_written_again_replaces_itself_and_is_sent_again()
    {
        using var folder = new TempFolder();
        await using var store = LocalStore.Open(new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") });
        var engine = new KpiEngine(Config());
        engine.Observe([S("p1.state", Local(8, 0), 3), S("p1.reason", Local(8, 0), 5), S("p1.good", Local(8, 0), 1), S("p1.energy", Local(8, 0), 2),
            S("p2.state", Local(8, 0), 2)], Local(8, 0));
        engine.Observe([S("p1.state", Local(8, 0, 30), 1), S("p1.good", Local(8, 0, 50), 9)], Local(8, 0, 50));
        engine.Close(Local(8, 2, 30));
        var made = engine.TakeClosed();
        Assert.Equal(4, made.Count);
        store.WriteKpiMinutes(made);

        var stored = store.GetKpiMinutes(Local(8, 0), Local(8, 2));
        Assert.Equal(made.OrderBy(m => m.AssetPath).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text), stored.Select(KpiEngineTests.Text));
        Assert.Equal(30_000, stored[0].DownMsByReason[5]);
        Assert.Equal(0, stored.First(m => m.AssetPath == Press2).EnergyKwh); // metered, nothing used
        store.WriteKpiMinutes([made[1] with { EnergyKwh = null }]);
        Assert.Null(store.GetKpiMinutes(made[1].PeriodStart, made[1].PeriodStart.AddMinutes(1)).Single(m => m.AssetPath == made[1].AssetPath).EnergyKwh);
        Assert.Equal(Local(8, 2), store.KpiClosedUntil()[Press1]);

        var unsent = store.GetUnsentKpiMinutes(100);
        Assert.Equal(made.Count, unsent.Count);
        store.MarkKpiMinutesSent(unsent[^1].Sequence);
        Assert.Empty(store.GetUnsentKpiMinutes(100));

        store.WriteKpiMinutes([made[0] with { Good = 99 }]);
        var again = Assert.Single(store.GetUnsentKpiMinutes(100));
        Assert.Equal(99, again.Minute.Good);
        Assert.Equal(made.Count, store.GetKpiMinutes(Local(8, 0), Local(8, 2)).Count);

        // kept as long as minute rollups
        var deleted = store.ApplyRetention(Local(8, 0) + store.Options.MinuteRollupRetention + TimeSpan.FromMinutes(1, 30));
        Assert.Equal(made.Count(m => m.PeriodStart < Local(8, 1, 30)), deleted.KpiMinutes);
    }

    [Fact]
    public async Task A_recompute_from_the_stored_samples_equals_what_the_live_engine_made()
    {
        // generated histories (no device clock ahead: the store keeps no receive times), samples written to the store in
        // the order they arrive, as the gateway's sinks get them; the live engine ticks at random moments
        var config = Config();
        var coverage = new KpiStreamingEqualsBatchTests.Coverage();
        for (var seed = 1; seed <= 12; seed++)
        {
            var (events, end) = KpiStreamingEqualsBatchTests.History(new Random(seed), coverage, futureClocks: false, lateSources: false);
            await using var store = LocalStore.Open(new LocalStoreOptions());
            var engine = new KpiEngine(config);
            var live = new List<KpiMinute>();
            foreach (var e in events)
            {
                if (e.Sample is { } sample)
                {
                    await store.WriteAsync([sample], default);
                    engine.Observe(sample, e.At);
                }
                else
                {
                    engine.Close(e.At);
                    live.AddRange(engine.TakeClosed());
                }
            }

            engine.Close(end);
            live.AddRange(engine.TakeClosed());
            await store.FlushAsync();
            var stored = new List<TagSample>();
            store.ForEachSampleAsReceived(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, stored.Add);
            var recomputed = KpiEngine.Recompute(config, stored, end);

            Assert.Equal(events.Count(e => e.Sample is not null), stored.Count);
            Assert.Equal(
                live.OrderBy(m => m.AssetPath, StringComparer.Ordinal).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text),
                recomputed.OrderBy(m => m.AssetPath, StringComparer.Ordinal).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text));
        }
    }

    [Fact]
    public async Task Kpi_minutes_are_journalled_once_even_when_machines_close_the_same_minute_at_different_times()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(folder.Path, "journal"), GatewayId = "gw-kpi" });
        await using var store = LocalStore.Open(new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") });
        var clock = new Clock(Local(8, 3, 15));
        var kpis = GatewayKpis.Open(Config(), store, clock);
        var uplink = Uplink(store, journal, kpis);

        // press 1 reports up to 08:03:10, so its own samples close 08:00–08:02; press 2 went quiet at 08:00:10, so at
        // 08:03:15 the tick (less 30 s skew, 08:02:45) closes only its 08:00 and 08:01. Its 08:02 follows a minute later,
        // after press 1's 08:02 was sent: a "sent up to period" mark would skip it; the write sequence does not.
        await FeedAsync(store, kpis.Engine, [
            S("p1.state", Local(8, 0), 1), S("p2.state", Local(8, 0, 10), 2),
            S("p1.state", Local(8, 1), 1), S("p1.state", Local(8, 2), 1), S("p1.state", Local(8, 3, 10), 1),
        ]);
        Assert.Equal(1, uplink.SendKpiMinutes(clock.Now));
        Assert.Equal([(Press1, 0), (Press1, 1), (Press1, 2), (Press2, 0), (Press2, 1)], Journalled(journal).Select(Key).Order());

        clock.Now = Local(8, 4, 15);
        Assert.Equal(1, uplink.SendKpiMinutes(clock.Now));
        Assert.Equal(0, uplink.SendKpiMinutes(clock.Now));
        var all = Journalled(journal);
        Assert.Equal(all.Count, all.Select(Key).Distinct().Count());
        Assert.Contains((Press2, 2), all.Select(Key));
        Assert.Equal(60_000, all.Single(m => Key(m) == (Press2, 2)).IdleMs);
    }

    [Fact]
    public async Task After_a_restart_the_open_minutes_are_made_from_the_stored_samples_and_nothing_is_sent_twice_or_skipped()
    {
        using var folder = new TempFolder();
        var options = new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") };
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(folder.Path, "journal"), GatewayId = "gw-kpi" });
        var samples = new List<TagSample>();
        for (var s = 0; s < 10 * 60; s += 5)
        {
            var at = Local(9, 0, s);
            samples.Add(S("p1.state", at, s is >= 200 and < 260 ? 3 : 1));
            samples.Add(S("p1.good", at, 65_500 + (s / 5)));
            samples.Add(S("p2.state", at, s < 300 ? 2 : 4));
        }

        var sentBefore = samples.Where(x => x.Timestamp < Local(9, 2, 20)).ToList();
        var unsentBefore = samples.Where(x => x.Timestamp >= Local(9, 2, 20) && x.Timestamp < Local(9, 4, 20)).ToList();
        var afterRestart = samples.Where(x => x.Timestamp >= Local(9, 4, 20)).ToList();
        await using (var store = LocalStore.Open(options))
        {
            var clock = new Clock(Local(9, 2, 30));
            var kpis = GatewayKpis.Open(Config(), store, clock);
            await FeedAsync(store, kpis.Engine, sentBefore);
            Assert.Equal(1, Uplink(store, journal, kpis).SendKpiMinutes(clock.Now));
            Assert.Equal(4, Journalled(journal).Count); // 09:00 and 09:01 of both presses

            // samples up to 09:04:20 are stored, then the gateway is killed before its next tick: 09:02 and 09:03 of both
            // presses were closed in memory only
            await FeedAsync(store, kpis.Engine, unsentBefore);
        }

        await using (var store = LocalStore.Open(options))
        {
            var clock = new Clock(Local(9, 4, 30));
            var kpis = GatewayKpis.Open(Config(), store, clock);
            Assert.Equal(4, kpis.ResumedMinutes); // 09:02 and 09:03 of both presses, from the stored samples
            await FeedAsync(store, kpis.Engine, afterRestart);
            clock.Now = Local(9, 11);
            Uplink(store, journal, kpis).SendKpiMinutes(clock.Now);
        }

        var sent = Journalled(journal);
        Assert.Equal(sent.Count, sent.Select(Key).Distinct().Count());
        var oneRun = KpiEngine.Recompute(Config(), samples, Local(9, 11));
        Assert.Equal(
            oneRun.OrderBy(m => m.AssetPath, StringComparer.Ordinal).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text),
            sent.OrderBy(m => m.AssetPath, StringComparer.Ordinal).ThenBy(m => m.PeriodStart).Select(KpiEngineTests.Text));
        Assert.Equal(20, sent.Count);
        // 600 s of 16-bit counts from 65,500, one per 5 s: 119 units across the rollover
        Assert.Equal(119, sent.Where(m => m.AssetPath == Press1).Sum(m => m.Good));
    }

    [Fact]
    public async Task A_full_journal_leaves_kpi_minutes_unsent_until_there_is_room()
    {
        using var folder = new TempFolder();
        var journalOptions = new UplinkJournalOptions { Directory = Path.Combine(folder.Path, "journal"), GatewayId = "gw-kpi", SegmentBytes = 64 * 1024, MaxRecordBytes = 64 * 1024, MaxBytes = 256 * 1024 };
        await using var store = LocalStore.Open(new LocalStoreOptions());
        var clock = new Clock(Local(8, 0));
        var kpis = GatewayKpis.Open(Config(), store, clock);
        var samples = Enumerable.Range(0, 600).Select(m => S("p1.state", Local(8, 0).AddMinutes(m), m % 4 + 1)).ToList();
        await FeedAsync(store, kpis.Engine, samples);
        clock.Now = Local(18, 1);
        using (var journal = UplinkJournal.Open(journalOptions))
        {
            var uplink = Uplink(store, journal, kpis, perBatch: 50);
            while (true)
            {
                // fill the journal with something else until it refuses
                try
                {
                    journal.Append(UplinkKinds.Health, new string('x', 20_000), clock.Now);
                }
                catch (UplinkJournalFullException)
                {
                    break;
                }
            }

            Assert.Equal(0, uplink.SendKpiMinutes(clock.Now));
            Assert.Equal(1, uplink.RefusedBatches);
            Assert.Equal(600, store.GetUnsentKpiMinutes(10_000).Count);
        }

        // once the platform has taken the backlog there is room again
        using (var journal = UplinkJournal.Open(journalOptions with { Directory = Path.Combine(folder.Path, "journal-2") }))
        {
            Assert.Equal(12, Uplink(store, journal, kpis, perBatch: 50).SendKpiMinutes(clock.Now));
            Assert.Empty(store.GetUnsentKpiMinutes(10_000));
            Assert.Equal(600, Journalled(journal).Count);
        }
    }

    private static (string, int) Key(KpiMinute m) => (m.AssetPath, (int)(m.PeriodStart - Local(8, 0)).TotalMinutes % 60);
}

using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;
using static FactoryPath.Edge.Tests.Store.StoreFixtures;

namespace FactoryPath.Edge.Tests.Uplink;

public sealed class RollupUplinkTests
{
    private static EquipmentRegisterReport Register(bool pressNetworked) => new([
        new RegisteredEquipment("acme/ningbo/moulding/line-1/press-3", "Press 3", "injection-moulding", true, pressNetworked),
        new RegisteredEquipment("acme/ningbo/moulding/line-1/dryer", "Dryer", null, false, false),
    ]);

    private static GatewayHealthReport Health() => new(T0, "test", [], 0, []);

    private static RollupUplink Uplink(LocalStore store, UplinkJournal journal, int perBatch = 5_000, Func<bool>? online = null, bool networked = true) =>
        new(store, journal, new RollupUplinkOptions { MaxRecordsPerBatch = perBatch }, () => Register(networked), Health, online ?? (() => true));

    private static List<RollupRecord> Journalled(UplinkJournal journal) =>
        journal.ReadAfter(0, 1_000).Select(r => r.Envelope()).Where(e => e.Kind == UplinkKinds.Rollup)
            .SelectMany(e => e.PayloadAs<RollupBatch>() is { Resolution: "1m" } batch ? batch.Items : throw new InvalidOperationException("not 1m"))
            .ToList();

    [Fact]
    public async Task Closed_minutes_are_journalled_once_and_the_mark_survives_a_restart()
    {
        using var folder = new TempFolder();
        var storeOptions = new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") };
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(folder.Path, "journal"), GatewayId = "gw-1" });
        await using (var store = LocalStore.Open(storeOptions))
        {
            store.RegisterTags([Tag("count", TagRole.GoodCount), Tag("power", TagRole.PowerKw)]);
            await store.WriteAsync([Good("count", 0, 1), Good("power", 0, 7), Good("count", 60, 4), Good("count", 150, 9)], default);
            var uplink = Uplink(store, journal);

            // minute 10:02 closes at 10:03:05 (5 s grace); nothing new is closed 20 s later
            Assert.Equal(1, await uplink.SendRollupsAsync(T0.AddMinutes(3).AddSeconds(10)));
            Assert.Equal(0, await uplink.SendRollupsAsync(T0.AddMinutes(3).AddSeconds(30)));
        }

        var first = Journalled(journal);
        Assert.Equal([("count", 0), ("power", 0), ("count", 1), ("count", 2)], first.Select(r => (r.TagId, (int)(r.PeriodStart - T0).TotalMinutes)));
        Assert.Equal([0d, 3, 5], first.Where(r => r.TagId == "count").Select(r => r.Increase!.Value));
        Assert.Equal(TagRole.PowerKw, first[1].Role);

        await using (var reopened = LocalStore.Open(storeOptions))
        {
            await reopened.WriteAsync([Good("count", 200, 10)], default);
            Assert.Equal(1, await Uplink(reopened, journal).SendRollupsAsync(T0.AddMinutes(5)));
            Assert.Empty(reopened.GetUnsentMinuteRollups(10));
        }

        var all = Journalled(journal);
        Assert.Equal(5, all.Count);
        Assert.Equal(("count", T0.AddMinutes(3), 1d), (all[^1].TagId, all[^1].PeriodStart, all[^1].Increase!.Value));
        Assert.Equal([1L, 2L], journal.ReadAfter(0, 10).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_minute_larger_than_one_envelope_is_split_and_marked_sent_only_when_whole()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = folder.Path, GatewayId = "gw-1" });
        await using var store = LocalStore.Open(new LocalStoreOptions());
        await store.WriteAsync([Good("a", 0, 1), Good("b", 0, 2), Good("c", 0, 3), Good("a", 60, 4), Good("b", 60, 5)], default);

        Assert.Equal(3, await Uplink(store, journal, perBatch: 2).SendRollupsAsync(T0.AddMinutes(2).AddSeconds(10)));

        // minute 10:00 has three rows: two envelopes; minute 10:01 has two: one
        var sizes = journal.ReadAfter(0, 10).Select(r => r.Envelope().PayloadAs<RollupBatch>().Items.Count);
        Assert.Equal([2, 1, 2], sizes);
        Assert.Equal(["a", "b", "c", "a", "b"], Journalled(journal).Select(r => r.TagId));
        Assert.Empty(store.GetUnsentMinuteRollups(10));
    }

    [Fact]
    public async Task A_full_journal_leaves_rollups_unsent_until_there_is_room()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions
        {
            Directory = folder.Path, GatewayId = "gw-1", MaxBytes = 4096, SegmentBytes = 4096, MaxRecordBytes = 4096,
        });
        await using var store = LocalStore.Open(new LocalStoreOptions());
        var uplink = Uplink(store, journal);
        while (true)
        {
            try
            {
                journal.Append(UplinkKinds.Health, new string('h', 900), T0);
            }
            catch (UplinkJournalFullException)
            {
                break;
            }
        }

        await store.WriteAsync([Good("a", 0, 1)], default);
        Assert.Equal(0, await uplink.SendRollupsAsync(T0.AddMinutes(2)));
        Assert.Equal(1, uplink.RefusedBatches);
        Assert.Single(store.GetUnsentMinuteRollups(10));

        journal.Acknowledge(journal.LastSequence);
        Assert.Equal(1, await uplink.SendRollupsAsync(T0.AddMinutes(2)));
        Assert.Equal("a", Assert.Single(Journalled(journal)).TagId);
    }

    [Fact]
    public async Task The_register_is_journalled_when_it_changes_and_health_only_while_online()
    {
        using var folder = new TempFolder();
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = folder.Path, GatewayId = "gw-1" });
        await using var store = LocalStore.Open(new LocalStoreOptions());
        var online = false;

        Assert.True(Uplink(store, journal, online: () => online).SendRegisterIfChanged(T0));
        Assert.False(Uplink(store, journal).SendRegisterIfChanged(T0));
        Assert.True(Uplink(store, journal, networked: false).SendRegisterIfChanged(T0));

        var uplink = Uplink(store, journal, online: () => online);
        Assert.False(uplink.SendHealth(T0));
        online = true;
        Assert.True(uplink.SendHealth(T0));
        Assert.Equal(1, uplink.SkippedHealthSnapshots);

        var envelopes = journal.ReadAfter(0, 10).Select(r => r.Envelope()).ToList();
        Assert.Equal([UplinkKinds.Register, UplinkKinds.Register, UplinkKinds.Health], envelopes.Select(e => e.Kind));
        Assert.Equal((2, 1, 1), (envelopes[0].PayloadAs<EquipmentRegisterReport>().Total, envelopes[0].PayloadAs<EquipmentRegisterReport>().Digital, envelopes[0].PayloadAs<EquipmentRegisterReport>().Networked));
        Assert.Equal(0, envelopes[1].PayloadAs<EquipmentRegisterReport>().Networked);
    }
}

using FactoryPath.Edge.Model;
using FactoryPath.Edge.Store;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Tests.Store;
using FactoryPath.Edge.Uplink;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Tests.Uplink;

/// <summary>Store → rollup schedule → journal → publisher → a real Mosquitto → a subscriber, on the system clock.</summary>
public sealed class UplinkEndToEndTests
{
    [Fact]
    public async Task Rollups_register_and_health_reach_the_platform_topics()
    {
        await using var broker = await Mosquitto.StartNewAsync([("gw-e2e", "secret"), ("platform", "p")]);
        using var folder = new TempFolder();
        await using var store = LocalStore.Open(new LocalStoreOptions { DatabasePath = Path.Combine(folder.Path, "store.duckdb") });
        using var journal = UplinkJournal.Open(new UplinkJournalOptions { Directory = Path.Combine(folder.Path, "journal"), GatewayId = "gw-e2e" });
        await using var subscriber = new UplinkSubscriber(broker, ("platform", "p"));
        await subscriber.ConnectAsync();

        var minute = LocalStore.FloorMinute(DateTimeOffset.UtcNow).AddMinutes(-3);
        store.RegisterTags([StoreFixtures.Tag("press.good", TagRole.GoodCount)]);
        await store.WriteAsync([TagSample.Good("press.good", minute, 10), TagSample.Good("press.good", minute.AddSeconds(30), 16)], default);

        var publisher = new UplinkPublisher(new UplinkPublisherOptions
        {
            Host = broker.Host, Port = broker.Port, GatewayId = "gw-e2e", Password = "secret", RequireSubscriber = true,
        }, journal);
        var register = new EquipmentRegisterReport([new RegisteredEquipment("acme/ningbo/moulding/line-1/press-3", "Press 3", null, true, true)]);
        var schedule = new RollupUplink(store, journal, new RollupUplinkOptions(), () => register,
            () => new GatewayHealthReport(DateTimeOffset.UtcNow, "test", [], journal.Backlog, []), () => publisher.Health().Connected);
        using var stop = new CancellationTokenSource();
        var publishing = publisher.RunAsync(stop.Token);
        await Until(() => publisher.Health().Connected);
        var scheduling = schedule.RunAsync(stop.Token);

        await Until(() => subscriber.Received.Any(r => r.Envelope.Kind == UplinkKinds.Rollup)
            && subscriber.Received.Any(r => r.Envelope.Kind == UplinkKinds.Register)
            && subscriber.Received.Any(r => r.Envelope.Kind == UplinkKinds.Health));
        await stop.CancelAsync();
        await Task.WhenAll(publishing, scheduling);

        var rollup = subscriber.Received.First(r => r.Envelope.Kind == UplinkKinds.Rollup);
        Assert.Equal("factorypath/v1/gw/gw-e2e/rollup", rollup.Topic);
        var batch = rollup.Envelope.PayloadAs<RollupBatch>();
        Assert.Equal("1m", batch.Resolution);
        var item = Assert.Single(batch.Items);
        Assert.Equal((minute, 2L, 6d, TagRole.GoodCount), (item.PeriodStart, item.Count, item.Increase!.Value, item.Role));
        Assert.Equal(1, subscriber.Received.First(r => r.Envelope.Kind == UplinkKinds.Register).Envelope.PayloadAs<EquipmentRegisterReport>().Networked);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 90 s");
            await Task.Delay(50);
        }
    }
}

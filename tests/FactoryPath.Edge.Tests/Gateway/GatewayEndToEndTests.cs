using System.Collections.Concurrent;
using System.Text.Json;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using MQTTnet;

namespace FactoryPath.Edge.Tests.Gateway;

/// <summary>
/// The whole gateway against the simulator over real Modbus TCP on loopback, with the configuration the demo uses:
/// every simulated value arrives in the live view and the local store, and — with an uplink to a real Mosquitto — the
/// health (with live tags) and the equipment register reach a subscriber in the platform's envelope format.
/// </summary>
public sealed class GatewayEndToEndTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("fp-gateway-").FullName;
    private SimulatorHost simulator = null!;

    public async Task InitializeAsync()
    {
        simulator = new SimulatorHost(ScenarioLoader.LoadDemo());
        await simulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private GatewayConfig Config(SimulatorGatewayConfig.UplinkSettings? uplink = null)
    {
        var yaml = SimulatorGatewayConfig.Yaml(simulator.Machines, "127.0.0.1", simulator.Port, "gw-test", Path.Combine(folder, "store.duckdb"), uplink, simulator.Simulation.Scenario.Acceleration);
        return GatewayConfigLoader.Parse(yaml, "demo.yaml", folder);
    }

    [Fact]
    public async Task SimulatedMachines_ReachTheLiveViewAndTheStore()
    {
        var config = Config();
        await using var host = await GatewayHost.StartAsync(config);

        await Until(() => host.Gateway.Namespace.Snapshot().All(t => t.Quality == TagQuality.Good));

        var live = host.Gateway.Namespace.Snapshot();
        Assert.Equal(config.Tags.Count, live.Count);
        var press = simulator.Machines.Single(m => m.Id == "press-1");
        var good = host.Gateway.Namespace.Get("press-1.good_count")!;
        Assert.Equal("demo/ningbo/moulding/line-1/press-1", good.AssetPath);
        Assert.InRange(good.Value!.Value, press.Values.GoodCount - 50, press.Values.GoodCount);
        Assert.InRange(host.Gateway.Namespace.Get("meter-1.power")!.Value!.Value, 1, 500);
        var register = host.Gateway.Register();
        Assert.Equal((5, 4, 4), (register.Total, register.Digital, register.Networked));
        await host.Store.FlushAsync();
        Assert.NotEmpty(host.Store.GetSamples("press-1.state", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.All(host.Gateway.Sources(), s => Assert.True(s.Connected, s.Name));
    }

    [Fact]
    public async Task WithAnUplink_HealthWithLiveTagsAndTheRegisterReachTheBroker()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        var received = new ConcurrentQueue<UplinkEnvelope>();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(JsonSerializer.Deserialize<UplinkEnvelope>(e.ApplicationMessage.Payload.FirstSpan, UplinkJson.Options)!);
            return Task.CompletedTask;
        };
        await subscriber.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("platform-test").Build());
        await subscriber.SubscribeAsync(UplinkTopics.All, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        var config = Config(new SimulatorGatewayConfig.UplinkSettings(broker.Host, broker.Port, "anything", Path.Combine(folder, "journal")));
        await using var host = await GatewayHost.StartAsync(config);

        await Until(() => received.Any(e => e.Kind == UplinkKinds.Health && e.PayloadAs<GatewayHealthReport>().Tags.Any(t => t.TagId == "press-1.state" && t.Quality == TagQuality.Good)));
        await Until(() => received.Any(e => e.Kind == UplinkKinds.Register));

        Assert.All(received, e => Assert.Equal("gw-test", e.GatewayId));
        var sequences = received.Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        var register = received.First(e => e.Kind == UplinkKinds.Register).PayloadAs<EquipmentRegisterReport>();
        Assert.Equal(4, register.Items.Count(i => i.Networked));
        var health = received.Last(e => e.Kind == UplinkKinds.Health).PayloadAs<GatewayHealthReport>();
        Assert.Equal(4, health.Sources.Count);
        Assert.Equal(GatewayHost.Version, health.Version);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 60 s");
            await Task.Delay(100);
        }
    }
}

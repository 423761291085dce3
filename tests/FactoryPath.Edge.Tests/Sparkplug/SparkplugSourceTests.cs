using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Sparkplug;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Tests.Mqtt;
using MQTTnet;
using static FactoryPath.Edge.Tests.Mqtt.MqttTestKit;

namespace FactoryPath.Edge.Tests.Sparkplug;

/// <summary>The Sparkplug source against a real Mosquitto broker, with a test edge node publishing through MQTTnet.</summary>
public sealed class SparkplugSourceTests
{
    private static SparkplugOptions Options(Mosquitto broker, string? primaryHost = null) => new()
    {
        Broker = BrokerOptions(broker, "gw-sparkplug"),
        GroupIds = ["plant"],
        PrimaryHostId = primaryHost,
        Mappings = [new("plant", "gw1", "press", "Temperature", "press-3/temp")],
        RebirthMinInterval = TimeSpan.FromMilliseconds(200),
    };

    private static readonly (string, ulong, SparkplugDataType, double)[] NodeMetrics = [("Power", 1, SparkplugDataType.Float, 4.5)];

    private static readonly (string, ulong, SparkplugDataType, double)[] PressMetrics =
        [("Temperature", 10, SparkplugDataType.Double, 180), ("Good", 11, SparkplugDataType.UInt32, 7), ("Running", 12, SparkplugDataType.Boolean, 1)];

    /// <summary>A client that records every message on the topics it subscribes to.</summary>
    private sealed class Watcher : IDisposable
    {
        private readonly IMqttClient client;

        private Watcher(IMqttClient client) => this.client = client;

        public ConcurrentQueue<(string Topic, byte[] Payload, bool Retain)> Messages { get; } = new();

        public static async Task<Watcher> StartAsync(Mosquitto broker, string filter)
        {
            var watcher = new Watcher(await ConnectClientAsync(broker, "watcher-" + Guid.NewGuid().ToString("N")[..8]));
            watcher.client.ApplicationMessageReceivedAsync += e =>
            {
                watcher.Messages.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
                return Task.CompletedTask;
            };
            await watcher.client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter).Build());
            return watcher;
        }

        public void Dispose() => client.Dispose();
    }

    private static async Task<(SparkplugSource Source, CollectingSink Sink, RunningSource Running)> StartSourceAsync(Mosquitto broker, string? primaryHost = null)
    {
        var source = new SparkplugSource("sparkplug", Options(broker, primaryHost));
        var sink = new CollectingSink();
        var running = Run(source, sink);
        await Eventually(() => source.Health().Connected, () => $"connected; last error {source.Health().LastError}");
        return (source, sink, running);
    }

    [Fact]
    public async Task BirthsAndData_BecomeSamples_WithAliasesResolvedToNames()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        var (source, sink, running) = await StartSourceAsync(broker);
        await using var _ = source;
        await using var __ = running;
        var edge = new TestEdgeNode("plant", "gw1");
        using var client = await ConnectClientAsync(broker, "edge-gw1");

        await client.PublishAsync(edge.NodeBirth(NodeMetrics));
        await client.PublishAsync(edge.DeviceBirth("press", PressMetrics));
        await client.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 5.5)));
        await client.PublishAsync(edge.DeviceData("press", (10, SparkplugDataType.Double, 182.25), (11, SparkplugDataType.UInt32, 8), (12, SparkplugDataType.Boolean, 0)));

        await Eventually(() => sink.Samples.Count >= 8, () => $"{sink.Samples.Count} samples, errors {string.Join(", ", source.Status().ErrorsByKind)}");
        var at = edge.Now;
        Assert.Equal(
            [
                TagSample.Good("gw1/Power", at, 4.5),
                TagSample.Good("press-3/temp", at, 180), TagSample.Good("gw1/press/Good", at, 7), TagSample.Good("gw1/press/Running", at, 1),
                TagSample.Good("gw1/Power", at, 5.5),
                TagSample.Good("press-3/temp", at, 182.25), TagSample.Good("gw1/press/Good", at, 8), TagSample.Good("gw1/press/Running", at, 0),
            ],
            sink.Samples);
        Assert.Equal(0, source.Status().Errors);
        Assert.Equal(4, source.Status().Messages);
        Assert.Equal("sparkplug-b", source.Health().Protocol);
    }

    [Fact]
    public async Task SequenceGap_SendsARebirthCommand_AndTheRebirthRestoresTheNode()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        using var commands = await Watcher.StartAsync(broker, "spBv1.0/plant/NCMD/#");
        var (source, sink, running) = await StartSourceAsync(broker);
        await using var _ = source;
        await using var __ = running;
        var edge = new TestEdgeNode("plant", "gw1");
        using var client = await ConnectClientAsync(broker, "edge-gw1");
        await client.PublishAsync(edge.NodeBirth(NodeMetrics));
        await client.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 5)));
        await Eventually(() => sink.Samples.Count >= 2, () => $"{sink.Samples.Count} samples");

        edge.Skip(3);
        await client.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 6)));

        await Eventually(() => !commands.Messages.IsEmpty, () => "an NCMD on the broker");
        var (topic, payload, retain) = Assert.Single(commands.Messages);
        Assert.Equal("spBv1.0/plant/NCMD/gw1", topic);
        Assert.False(retain);
        Assert.True(SparkplugCodec.TryDecode(payload, out var command, out var error), error);
        var rebirth = Assert.Single(command.Metrics);
        Assert.Equal(("Node Control/Rebirth", SparkplugDataType.Boolean, true), (rebirth.Name, rebirth.DataType, rebirth.Value.Boolean));
        Assert.Equal(1, source.Status().ErrorCount("plant/gw1", SourceErrorKind.SequenceGap));
        Assert.Equal(1, source.RebirthRequests);
        Assert.Contains(new TagSample("gw1/Power", sink.Samples[^1].Timestamp, 5, TagQuality.Uncertain), sink.Samples);

        // the edge node answers with a new birth; data flows again
        await client.PublishAsync(edge.NodeBirth(("Power", 1, SparkplugDataType.Float, 7)));
        await client.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 8)));
        await Eventually(() => sink.Samples.Any(s => s.Value == 8), () => "data after the rebirth");
        Assert.Equal(TagSample.Good("gw1/Power", edge.Now, 7), sink.Samples[^2]);
    }

    [Fact]
    public async Task NodeDeath_MarksTheNodesTagsBad()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        var (source, sink, running) = await StartSourceAsync(broker);
        await using var _ = source;
        await using var __ = running;
        var edge = new TestEdgeNode("plant", "gw1") { BdSeq = 5 };

        // the edge node leaves its NDEATH as its will; the broker publishes it when the node's connection breaks
        var death = edge.NodeDeath();
        var client = await ConnectClientAsync(broker, "edge-gw1", o => o.WithWillTopic(death.Topic).WithWillPayload(death.Payload));
        await client.PublishAsync(edge.NodeBirth(NodeMetrics));
        await client.PublishAsync(edge.DeviceBirth("press", PressMetrics));
        await Eventually(() => sink.Samples.Count >= 4, () => $"{sink.Samples.Count} samples");

        client.Dispose();

        await Eventually(() => sink.Samples.Count >= 8, () => $"{sink.Samples.Count} samples after the death");
        var bad = sink.Samples.Skip(4).ToList();
        Assert.Equal(["gw1/Power", "gw1/press/Good", "gw1/press/Running", "press-3/temp"], bad.Select(s => s.TagId).Order());
        Assert.All(bad, s => Assert.Equal((TagQuality.Bad, (double?)null), (s.Quality, s.Value)));
    }

    [Fact]
    public async Task MalformedPayloads_AreCounted_AndTheSourceKeepsWorking()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        var (source, sink, running) = await StartSourceAsync(broker);
        await using var _ = source;
        await using var __ = running;
        var edge = new TestEdgeNode("plant", "gw1");
        using var client = await ConnectClientAsync(broker, "edge-gw1");
        var birth = edge.NodeBirth(NodeMetrics);
        var random = new Random(42);
        var noise = new byte[64];
        random.NextBytes(noise);
        noise[0] = 0x12;
        noise[1] = 0x7F;

        await client.PublishAsync("spBv1.0/plant/NDATA/gw1", noise);
        await client.PublishAsync("spBv1.0/plant/NBIRTH/gw1", birth.Payload[..(birth.Payload.Length - 3)]);
        await client.PublishAsync("spBv1.0/plant/NDATA/gw1", [0x0A, 0x01, 0x00]);
        await client.PublishAsync("spBv1.0/plant/NDATA/gw1/extra", [0x08, 0x01]);
        await client.PublishAsync(birth);
        await client.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 9)));

        await Eventually(() => sink.Samples.Any(s => s.Value == 9), () => $"data after the bad payloads; errors {string.Join(", ", source.Status().ErrorsByKind)}");
        var status = source.Status();
        Assert.Equal(3, status.ErrorCount("plant/gw1", SourceErrorKind.MalformedPayload));
        Assert.Equal(1, status.ErrorCount(SourceErrorKind.BadTopic));
        Assert.True(status.Connected);
        Assert.Equal([TagSample.Good("gw1/Power", edge.Now, 4.5), TagSample.Good("gw1/Power", edge.Now, 9)], sink.Samples);
    }

    [Fact]
    public async Task BrokerRestart_MarksTagsBad_ReconnectsAndResubscribes()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        var (source, sink, running) = await StartSourceAsync(broker);
        await using var _ = source;
        await using var __ = running;
        var edge = new TestEdgeNode("plant", "gw1");
        using (var client = await ConnectClientAsync(broker, "edge-gw1"))
        {
            await client.PublishAsync(edge.NodeBirth(NodeMetrics));
            await Eventually(() => sink.Samples.Count >= 1, () => "the birth");
        }

        await broker.StopAsync();
        await Eventually(() => !source.Health().Connected, () => "disconnected");
        await Eventually(() => sink.Samples.Any(s => s.Quality == TagQuality.Bad), () => "tags marked bad");

        await broker.StartAsync();
        await Eventually(() => source.Health().Connected, () => $"reconnected; last error {source.Health().LastError}");
        using var again = await ConnectClientAsync(broker, "edge-gw1");
        await again.PublishAsync(edge.NodeData((1, SparkplugDataType.Float, 11)));

        // the next message continues the sequence, so it is taken without a rebirth
        await Eventually(() => sink.Samples.Any(s => s.Value == 11), () => $"data after the restart; errors {string.Join(", ", source.Status().ErrorsByKind)}");
        Assert.Equal(0, source.RebirthRequests);
        Assert.True(source.Status().Connects >= 2);
    }

    [Fact]
    public async Task PrimaryHost_PublishesOnlineState_AndOfflineWhenStopped()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        using var states = await Watcher.StartAsync(broker, "spBv1.0/STATE/#");
        var (source, _, running) = await StartSourceAsync(broker, primaryHost: "fp-host");
        await using var __ = source;

        await Eventually(() => !states.Messages.IsEmpty, () => "an online STATE");
        var online = states.Messages.First();
        Assert.Equal("spBv1.0/STATE/fp-host", online.Topic);
        using (var document = System.Text.Json.JsonDocument.Parse(online.Payload))
        {
            Assert.True(document.RootElement.GetProperty("online").GetBoolean());
            Assert.True(document.RootElement.GetProperty("timestamp").GetInt64() > 0);
        }

        await running.DisposeAsync();

        await Eventually(() => states.Messages.Count >= 2, () => "an offline STATE");
        var offline = states.Messages.Last();
        Assert.Contains("\"online\":false", Encoding.UTF8.GetString(offline.Payload), StringComparison.Ordinal);

        // the STATE is retained: a client that subscribes later sees the host offline
        using var late = await Watcher.StartAsync(broker, "spBv1.0/STATE/fp-host");
        await Eventually(() => !late.Messages.IsEmpty, () => "the retained STATE");
        Assert.True(late.Messages.First().Retain);
        Assert.Contains("\"online\":false", Encoding.UTF8.GetString(late.Messages.First().Payload), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrimaryHost_ReportedOfflineByAnotherClient_PublishesOnlineAgain()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        using var states = await Watcher.StartAsync(broker, "spBv1.0/STATE/fp-host");
        var (source, _, running) = await StartSourceAsync(broker, primaryHost: "fp-host");
        await using var _ = source;
        await using var __ = running;
        await Eventually(() => states.Messages.Count >= 1, () => "the online STATE");
        using var other = await ConnectClientAsync(broker, "stale-will");

        await other.PublishAsync("spBv1.0/STATE/fp-host", Encoding.UTF8.GetBytes("""{"online":false,"timestamp":1}"""), retain: true);

        await Eventually(() => states.Messages.Count >= 3, () => $"{states.Messages.Count} STATE messages");
        Assert.Contains("\"online\":true", Encoding.UTF8.GetString(states.Messages.Last().Payload), StringComparison.Ordinal);
    }
}

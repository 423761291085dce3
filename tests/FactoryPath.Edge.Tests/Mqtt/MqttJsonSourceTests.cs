using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Tests.Infrastructure;
using static FactoryPath.Edge.Tests.Mqtt.MqttTestKit;

namespace FactoryPath.Edge.Tests.Mqtt;

/// <summary>The JSON source against a real Mosquitto broker.</summary>
public sealed class MqttJsonSourceTests
{
    private static MqttJsonOptions Options(Mosquitto broker, MqttBrokerOptions? brokerOptions = null) => new()
    {
        Broker = brokerOptions ?? BrokerOptions(broker, "gw-json"),
        Subscriptions =
        [
            new()
            {
                TopicFilter = "acme/+/+/telemetry",
                Tags = [new("{2}/{3}/temp", "data.temp", TimestampPath: "ts"), new("{2}/{3}/running", "running")],
            },
        ],
    };

    [Fact]
    public async Task PublishedJson_BecomesSamples_AndBadPayloadsAreCounted()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        await using var source = new MqttJsonSource("line-1", Options(broker));
        var sink = new CollectingSink();
        await using var running = Run(source, sink);
        await Eventually(() => source.Health().Connected, () => $"connected; last error {source.Health().LastError}");
        using var device = await ConnectClientAsync(broker, "press-3");

        await device.PublishAsync("acme/line-1/press-3/telemetry", Encoding.UTF8.GetBytes("""{"data":{"temp":181.5},"running":false,"ts":"2026-03-01T08:00:00Z"}"""));
        await device.PublishAsync("acme/line-1/press-3/telemetry", Encoding.UTF8.GetBytes("this is not json"));
        await device.PublishAsync("acme/line-1/press-3/telemetry", Encoding.UTF8.GetBytes("""{"data":{"temp":"hot"},"running":true}"""));

        await Eventually(
            () => source.Status().Errors >= 2 && sink.Samples.Count >= 3,
            () => $"errors {string.Join(", ", source.Status().ErrorsByKind)}, last {source.Status().LastError}, {sink.Samples.Count} samples");
        var samples = sink.Samples;
        Assert.Equal(3, samples.Count);
        Assert.Equal(TagSample.Good("line-1/press-3/temp", new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), 181.5), samples[0]);

        // "running" has no timestamp mapping: its samples carry the receive time; the "hot" temperature gives none
        Assert.Equal(("line-1/press-3/running", 0.0, TagQuality.Good), (samples[1].TagId, samples[1].Value!.Value, samples[1].Quality));
        Assert.Equal(("line-1/press-3/running", 1.0, TagQuality.Good), (samples[2].TagId, samples[2].Value!.Value, samples[2].Quality));
        Assert.True(samples[1].Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5));

        var status = source.Status();
        Assert.Equal(1, status.ErrorCount("acme/+/+/telemetry", SourceErrorKind.NotJson));
        Assert.Equal(1, status.ErrorCount("acme/+/+/telemetry", SourceErrorKind.NonNumeric));
        Assert.Equal(3, status.Messages);
        Assert.True(status.Connected);
        var health = source.Health();
        Assert.Equal("mqtt-json", health.Protocol);
        Assert.Equal(2, health.Errors);
        Assert.NotNull(health.LastError);
    }

    [Fact]
    public async Task BrokerRestart_MarksTagsBad_ThenReconnectsAndResubscribes()
    {
        await using var broker = await Mosquitto.StartNewAsync();
        await using var source = new MqttJsonSource("line-1", Options(broker));
        var sink = new CollectingSink();
        await using var running = Run(source, sink);
        await Eventually(() => source.Health().Connected, () => "connected");
        using (var device = await ConnectClientAsync(broker, "press-3"))
        {
            await device.PublishAsync("acme/l/p/telemetry", Encoding.UTF8.GetBytes("""{"data":{"temp":1},"running":true,"ts":1772352000000}"""));
            await Eventually(() => sink.Samples.Count >= 2, () => $"{sink.Samples.Count} samples");
        }

        await broker.StopAsync();
        await Eventually(() => !source.Health().Connected, () => "disconnected");
        await Eventually(() => sink.Samples.Any(s => s.TagId == "l/p/temp" && s.Quality == TagQuality.Bad), () => "the temp tag marked bad");
        Assert.Contains(SourceErrorKind.Connection, source.Status().ErrorsByKind.Keys);

        await broker.StartAsync();
        await Eventually(() => source.Health().Connected, () => $"reconnected; last error {source.Health().LastError}");
        using var again = await ConnectClientAsync(broker, "press-3");
        await again.PublishAsync("acme/l/p/telemetry", Encoding.UTF8.GetBytes("""{"data":{"temp":2},"running":true,"ts":1772352000000}"""));

        // the message arrives only if the source subscribed again on the new broker session
        await Eventually(() => sink.Samples.Any(s => s.TagId == "l/p/temp" && s.Value == 2), () => "a sample after the restart");
        Assert.True(source.Status().Connects >= 2);
    }

    [Fact]
    public async Task Credentials_WrongPasswordIsAClearError_RightOneWorks()
    {
        await using var broker = await Mosquitto.StartNewAsync([("gateway", "s3cret")]);
        var wrong = BrokerOptions(broker, "gw-wrong") with { UserName = "gateway", Password = "nope" };
        await using (var refused = new MqttJsonSource("line-1", Options(broker, wrong)))
        {
            await using var running = Run(refused, new CollectingSink());
            await Eventually(() => refused.Health().LastError is not null, () => "an error");
            var health = refused.Health();
            Assert.False(health.Connected);
            Assert.Contains("refused the connection", health.LastError);
            Assert.Contains("check the user name and password", health.LastError);
        }

        var right = BrokerOptions(broker, "gw-right") with { UserName = "gateway", Password = "s3cret" };
        await using var source = new MqttJsonSource("line-1", Options(broker, right));
        var sink = new CollectingSink();
        await using var ok = Run(source, sink);
        await Eventually(() => source.Health().Connected, () => $"connected; last error {source.Health().LastError}");
        using var device = await ConnectClientAsync(broker, "press", o => o.WithCredentials("gateway", "s3cret"));
        await device.PublishAsync("acme/l/p/telemetry", Encoding.UTF8.GetBytes("""{"data":{"temp":5},"running":true,"ts":1772352000000}"""));
        await Eventually(() => sink.Samples.Any(s => s.TagId == "l/p/temp" && s.Value == 5), () => "a sample");
        Assert.Null(source.Health().LastError);
        Assert.Equal(0, source.Health().Errors);
    }

    [Fact]
    public async Task NoBroker_CountsConnectionErrors_KeepsTrying_AndStopsWhenDisposed()
    {
        var options = new MqttJsonOptions
        {
            Broker = new MqttBrokerOptions
            {
                Host = "127.0.0.1",
                Port = FreePort.Next(),
                ClientId = "gw-nobody",
                ConnectTimeout = TimeSpan.FromSeconds(5),
                ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            },
            Subscriptions = [new() { TopicFilter = "a/#", Tags = [new("t", "v")] }],
        };
        var source = new MqttJsonSource("nobody", options);
        var run = Task.Run(() => source.RunAsync(new CollectingSink(), CancellationToken.None));

        await Eventually(() => source.Status().ErrorCount(SourceErrorKind.Connection) >= 3, () => $"connection errors: {source.Status().ErrorCount(SourceErrorKind.Connection)}");
        Assert.False(source.Health().Connected);
        Assert.Contains($"cannot reach broker 127.0.0.1:{options.Broker.Port}", source.Health().LastError);
        Assert.False(run.IsCompleted);

        await source.DisposeAsync();
        await run.WaitAsync(Patience);
        Assert.True(run.IsCompletedSuccessfully);
    }
}

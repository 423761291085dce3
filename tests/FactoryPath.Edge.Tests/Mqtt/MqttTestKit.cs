using System.Collections.Concurrent;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Tests.Mqtt;

/// <summary>A sink that keeps every sample it is given.</summary>
internal sealed class CollectingSink : ISampleSink
{
    private readonly ConcurrentQueue<TagSample> samples = new();

    public IReadOnlyList<TagSample> Samples => samples.ToArray();

    public ValueTask WriteAsync(IReadOnlyList<TagSample> batch, CancellationToken cancellationToken)
    {
        foreach (var sample in batch)
        {
            samples.Enqueue(sample);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Helpers for tests against a real broker: polling for a condition, and a plain MQTTnet client.</summary>
internal static class MqttTestKit
{
    /// <summary>Generous for a loaded 2-core machine; conditions are polled, so passing tests finish early.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static MqttBrokerOptions BrokerOptions(Infrastructure.Mosquitto broker, string clientId) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        ClientId = clientId,
        KeepAlive = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> and the last state after <see cref="Patience"/>.</summary>
    public static async Task Eventually(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within {Patience.TotalSeconds} s: {what()}");
            }

            await Task.Delay(25);
        }
    }

    public static async Task<IMqttClient> ConnectClientAsync(Infrastructure.Mosquitto broker, string clientId, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId(clientId).WithCleanSession(true);
        configure?.Invoke(options);
        await client.ConnectAsync(options.Build());
        return client;
    }

    public static Task PublishAsync(this IMqttClient client, string topic, byte[] payload, bool retain = false) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build());

    public static Task PublishAsync(this IMqttClient client, (string Topic, byte[] Payload) message) => client.PublishAsync(message.Topic, message.Payload);

    /// <summary>Runs a source in the background; dispose to cancel it and wait for it to end.</summary>
    public static RunningSource Run(ITagSource source, ISampleSink sink) => new(source, sink);

    internal sealed class RunningSource : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task run;

        public RunningSource(ITagSource source, ISampleSink sink) => run = Task.Run(() => source.RunAsync(sink, stop.Token));

        public Task Task => run;

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run.WaitAsync(Patience);
            stop.Dispose();
        }
    }
}

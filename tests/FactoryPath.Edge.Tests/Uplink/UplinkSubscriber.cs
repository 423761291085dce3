using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Tests.Uplink;

/// <summary>Stands in for the platform's ingestion: subscribes to every gateway's uplink and keeps what arrives, in order.</summary>
internal sealed class UplinkSubscriber : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly Mosquitto broker;
    private readonly (string User, string Password) login;

    public UplinkSubscriber(Mosquitto broker, (string User, string Password) login)
    {
        this.broker = broker;
        this.login = login;
        client.ApplicationMessageReceivedAsync += e =>
        {
            var envelope = JsonSerializer.Deserialize<UplinkEnvelope>(e.ApplicationMessage.Payload.ToArray(), UplinkJson.Options)!;
            Received.Enqueue((e.ApplicationMessage.Topic, envelope));
            return Task.CompletedTask;
        };
    }

    public ConcurrentQueue<(string Topic, UplinkEnvelope Envelope)> Received { get; } = new();

    /// <summary>Connects (retrying until the broker is up, within 60 s) and subscribes at QoS 1.</summary>
    public async Task ConnectAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer(broker.Host, broker.Port)
                    .WithClientId("platform-test-" + Guid.NewGuid().ToString("N"))
                    .WithCredentials(login.User, login.Password)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .Build();
                await client.ConnectAsync(options);
                await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(UplinkTopics.All, MqttQualityOfServiceLevel.AtLeastOnce).Build());
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        client.Dispose();
    }
}

using System.Buffers;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Web.Gateways;

/// <summary>
/// With an external broker the platform subscribes to every gateway's uplink as a client with a kept session (clean
/// session off), so QoS 1 messages wait at the broker while the platform is down. The broker authenticates the
/// gateways and must restrict each to its own topic prefix (ACL); the platform still refuses envelopes whose gateway
/// differs from the topic, unknown and revoked gateways. A message is acknowledged only after it is stored.
/// </summary>
public sealed class ExternalBrokerSubscriber(
    IOptions<GatewayOptions> options, BrokerEndpoint endpoint, UplinkIngestion ingestion, ILogger<ExternalBrokerSubscriber> log)
    : BackgroundService, IGatewayConnections
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public Task DisconnectAsync(string gatewayId, CancellationToken ct = default)
    {
        log.LogWarning("Gateway {Gateway} revoked; the external broker keeps its connection until the broker's own ACL refuses it", gatewayId);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Broker != BrokerMode.External) return;
        var x = options.Value.External;
        var host = x.Host!.Trim();
        endpoint.Host = string.IsNullOrWhiteSpace(options.Value.PublicHost) ? host : options.Value.PublicHost.Trim();
        endpoint.Port = x.Port;
        endpoint.UseTls = x.UseTls;
        endpoint.Embedded = false;

        using var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, x.Port)
            .WithClientId(x.ClientId)
            .WithCleanSession(false)
            .WithSessionExpiryInterval(uint.MaxValue);
        if (!string.IsNullOrEmpty(x.UserName)) builder.WithCredentials(x.UserName, x.Password);
        if (x.UseTls) builder.WithTlsOptions(t => t.UseTls());
        var clientOptions = builder.Build();

        client.ApplicationMessageReceivedAsync += async e =>
        {
            var payload = e.ApplicationMessage.Payload;
            var result = await ingestion.IngestAsync(e.ApplicationMessage.Topic, payload.IsSingleSegment ? payload.First : payload.ToArray(), null, stoppingToken);
            if (result == IngestResult.Failed)
            {
                // not stored: leave it unacknowledged and drop the connection, so the broker delivers it again
                e.AutoAcknowledge = false;
                _ = client.DisconnectAsync();
            }
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(clientOptions, stoppingToken);
                    await client.SubscribeAsync(new MqttTopicFilterBuilder().WithTopic(UplinkTopics.All).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), stoppingToken);
                    endpoint.Ready = true;
                    log.LogInformation("Subscribed to gateway uplink on {Host}:{Port}", host, x.Port);
                }
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                endpoint.Ready = false;
                log.LogWarning("External MQTT broker {Host}:{Port} not reachable ({Message}); retrying in {Delay}s", host, x.Port, e.Message, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        endpoint.Ready = false;
        if (client.IsConnected) await client.DisconnectAsync();
    }
}

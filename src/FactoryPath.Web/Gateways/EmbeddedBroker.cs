using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace FactoryPath.Web.Gateways;

/// <summary>
/// The platform's own MQTT broker for gateways. Only issued, unrevoked gateways connect (user name = gateway id,
/// password = secret); a gateway publishes only under <c>factorypath/v1/gw/{its id}/</c> and subscribes to nothing
/// outside it. Every uplink publication is stored before it is acknowledged, so a message whose PUBACK is lost is
/// sent again by the gateway and recognised by its sequence.
/// </summary>
public sealed class EmbeddedBroker(
    IOptions<GatewayOptions> options, BrokerEndpoint endpoint, UplinkIngestion ingestion, GatewayAuthenticator authenticator, ILogger<EmbeddedBroker> log)
    : IHostedService, IGatewayConnections, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.Ordinal); // client id → gateway id
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Broker != BrokerMode.Embedded) return;
        var address = IPAddress.Parse(o.BindAddress);
        var port = o.Port == 0 ? FreePort(address) : o.Port;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(address)
            .WithDefaultEndpointPort(port)
            .WithDefaultEndpointReuseAddress() // a restarted platform binds again although old connections linger in TIME_WAIT
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateAsync;
        server.InterceptingPublishAsync += InterceptPublishAsync;
        server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        server.ClientConnectedAsync += e =>
        {
            if (e.UserName is not null) _clients[e.ClientId] = e.UserName;
            return Task.CompletedTask;
        };
        server.ClientDisconnectedAsync += e =>
        {
            _clients.TryRemove(e.ClientId, out _);
            return Task.CompletedTask;
        };
        try
        {
            await server.StartAsync();
        }
        catch (SocketException e)
        {
            server.Dispose();
            throw new InvalidOperationException(
                $"The gateway MQTT broker cannot listen on {o.BindAddress}:{port} ({e.SocketErrorCode}). Free the port, or set {GatewayOptions.Section}:Port (0 picks a free port) or {GatewayOptions.Section}:Broker=External.", e);
        }
        _server = server;
        endpoint.Host = string.IsNullOrWhiteSpace(o.PublicHost) ? (address.Equals(IPAddress.Any) ? Dns.GetHostName() : o.BindAddress) : o.PublicHost.Trim();
        endpoint.Port = port;
        endpoint.Embedded = true;
        endpoint.Ready = true;
        log.LogInformation("Gateway MQTT broker listening on {Address}:{Port}", o.BindAddress, port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        endpoint.Ready = false;
        if (_server is { } server)
        {
            _server = null;
            try
            {
                await server.StopAsync();
            }
            catch (InvalidOperationException e)
            {
                // MQTTnet's TCP adapter can enumerate its listeners while one of them removes itself on cancellation
                // ("collection was modified"); the broker is stopping either way, and disposing it closes the sockets
                log.LogDebug(e, "The MQTT broker's listener clean-up raced while stopping");
            }
            finally
            {
                try
                {
                    server.Dispose();
                }
                catch (InvalidOperationException e)
                {
                    log.LogDebug(e, "The MQTT broker's listener clean-up raced while disposing");
                }
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    public async Task DisconnectAsync(string gatewayId, CancellationToken ct = default)
    {
        if (_server is not { } server) return;
        foreach (var (clientId, user) in _clients.ToArray())
        {
            if (!string.Equals(user, gatewayId, StringComparison.Ordinal)) continue;
            try
            {
                await server.DisconnectClientAsync(clientId, MqttDisconnectReasonCode.NotAuthorized);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                log.LogDebug(e, "Client {Client} of gateway {Gateway} was already gone", clientId, gatewayId);
            }
        }
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (!await authenticator.VerifyAsync(e.UserName, e.Password))
        {
            log.LogWarning("Gateway connection refused for user '{User}' from {Endpoint}: unknown, revoked or wrong secret", e.UserName, e.RemoteEndPoint);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
        }
        else if (_clients.TryGetValue(e.ClientId, out var holder) && !string.Equals(holder, e.UserName, StringComparison.Ordinal))
        {
            // a client id in use by another gateway: taking it over would disconnect that gateway
            log.LogWarning("Gateway {Gateway} refused: client id {Client} is in use by another gateway", e.UserName, e.ClientId);
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
        }
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        var payload = e.ApplicationMessage.Payload;
        var body = payload.IsSingleSegment ? payload.First : payload.ToArray();
        var result = await ingestion.IngestAsync(topic, body, e.UserName ?? "", e.CancellationToken);
        switch (result)
        {
            case IngestResult.Rejected:
                // MQTT 3.1.1 §3.3.5: a server that does not authorise a PUBLISH either acknowledges it or closes the
                // connection; closing tells the gateway. MQTT 5 clients also get NotAuthorized (§3.4.2.1).
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                e.CloseConnection = true;
                break;
            case IngestResult.Failed:
                // not stored: no PUBACK, the gateway resends on its next connection
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
                e.CloseConnection = true;
                break;
            default:
                // stored, duplicate or malformed: acknowledged; nobody else needs the message
                e.ProcessPublish = false;
                break;
        }
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var own = UplinkTopics.Prefix + e.UserName + "/";
        if (string.IsNullOrEmpty(e.UserName) || !e.TopicFilter.Topic.StartsWith(own, StringComparison.Ordinal))
        {
            log.LogWarning("Gateway {Gateway} may not subscribe to {Filter}", e.UserName, e.TopicFilter.Topic);
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }
        return Task.CompletedTask;
    }

    private static int FreePort(IPAddress address)
    {
        var probe = new TcpListener(address, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }
}

using System.Buffers;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Mqtt;

/// <summary>What a source does with the session: what to subscribe to and how to handle what arrives.</summary>
internal interface IMqttSessionHandler
{
    /// <summary>Topic filters and their QoS, subscribed after every (re)connect.</summary>
    IReadOnlyList<(string Filter, MqttQualityOfServiceLevel Qos)> Subscriptions { get; }

    /// <summary>Adds a will message or other connect options (the Sparkplug host's STATE will).</summary>
    void Configure(MqttClientOptionsBuilder builder);

    /// <summary>Called after connecting and subscribing.</summary>
    Task OnConnectedAsync(CancellationToken cancellationToken);

    /// <summary>Called for each message, one at a time, in arrival order.</summary>
    Task OnMessageAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Called when the connection is lost or could not be made.</summary>
    Task OnDisconnectedAsync(CancellationToken cancellationToken);

    /// <summary>Called before a clean disconnect at the end of the run (the host's offline STATE).</summary>
    Task OnStoppingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One MQTT client that connects, subscribes, hands messages to its handler, and reconnects with exponential backoff
/// (from <see cref="MqttBrokerOptions.ReconnectMinDelay"/> doubling to <see cref="MqttBrokerOptions.ReconnectMaxDelay"/>)
/// until cancelled. Connection problems are counted and logged, never thrown.
/// </summary>
internal sealed class MqttSession : IAsyncDisposable
{
    private readonly MqttBrokerOptions options;
    private readonly SourceCounters counters;
    private readonly ILogger logger;
    private readonly IMqttClient client;
    private TaskCompletionSource connectionLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource disposing = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool started;

    public MqttSession(MqttBrokerOptions options, SourceCounters counters, ILogger logger)
    {
        this.options = options;
        this.counters = counters;
        this.logger = logger;
        client = new MqttClientFactory().CreateMqttClient();
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
            {
                connectionLost.TrySetResult();
            }

            return Task.CompletedTask;
        };
    }

    public bool IsConnected => client.IsConnected;

    /// <summary>Runs until <paramref name="stop"/> is cancelled or the session is disposed.</summary>
    public async Task RunAsync(IMqttSessionHandler handler, CancellationToken stop)
    {
        started = true;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, disposing.Token);
        try
        {
            await RunCoreAsync(handler, linked.Token);
        }
        finally
        {
            finished.TrySetResult();
        }
    }

    private async Task RunCoreAsync(IMqttSessionHandler handler, CancellationToken cancellationToken)
    {
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var message = e.ApplicationMessage;
            var payload = message.Payload;
            var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
            try
            {
                await handler.OnMessageAsync(message.Topic, bytes, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // shutting down
            }
            catch (Exception ex)
            {
                counters.Error(SourceErrorKind.Sink, $"handling a message on '{message.Topic}' failed: {ex.Message}");
                logger.LogError(ex, "Handling an MQTT message on {Topic} failed", message.Topic);
            }
        };

        var delay = options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            connectionLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await ConnectAndSubscribeAsync(handler, cancellationToken);
                counters.Connected = true;
                counters.Connect();
                delay = options.ReconnectMinDelay;
                logger.LogInformation("Connected to MQTT broker {Host}:{Port} as {ClientId}", options.Host, options.Port, options.ClientId);
                await handler.OnConnectedAsync(cancellationToken);
                await connectionLost.Task.WaitAsync(cancellationToken);
                counters.Error(SourceErrorKind.Connection, $"lost the connection to broker {options.Host}:{options.Port}");
                logger.LogWarning("Lost the connection to MQTT broker {Host}:{Port}", options.Host, options.Port);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (MqttConnectingFailedException e)
            {
                Refused(null, e.Message);
            }
            catch (ConnectRefusedException e)
            {
                Refused(e.Code, e.Message);
            }
            catch (SubscribeRefusedException e)
            {
                counters.Error(SourceErrorKind.Subscribe, e.Message);
                logger.LogWarning("{Reason}", e.Message);
            }
            catch (Exception e)
            {
                // any other failure (network, TLS handshake, protocol) is a connection error: the loop never ends on it
                var why = $"cannot reach broker {options.Host}:{options.Port}: {e.Message}";
                counters.Error(SourceErrorKind.Connection, why);
                logger.LogWarning("{Reason}", why);
            }

            counters.Connected = false;
            try
            {
                await handler.OnDisconnectedAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                counters.Error(SourceErrorKind.Sink, $"marking tags after the connection loss failed: {e.Message}");
                logger.LogError(e, "Marking tags after losing {Host}:{Port} failed", options.Host, options.Port);
            }

            await DropAsync();
            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ReconnectMaxDelay.Ticks));
        }

        if (client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(options.ConnectTimeout);
            try
            {
                await handler.OnStoppingAsync(timeout.Token);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or IOException or InvalidOperationException)
            {
                logger.LogDebug(e, "Clean disconnect from {Host}:{Port} failed", options.Host, options.Port);
            }
        }

        counters.Connected = false;
    }

    /// <summary>Publishes one message; false (counted, logged) when not connected or the broker did not take it.</summary>
    public async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            if (result.IsSuccess)
            {
                return true;
            }

            counters.Error(SourceErrorKind.Publish, $"publishing to '{message.Topic}' failed: {result.ReasonCode}");
        }
        catch (Exception e) when (e is MqttCommunicationException or MqttClientNotConnectedException or OperationCanceledException or IOException or InvalidOperationException)
        {
            counters.Error(SourceErrorKind.Publish, $"publishing to '{message.Topic}' failed: {e.Message}");
        }

        return false;
    }

    /// <summary>Stops a running session (as cancelling its run would), waits for it to end, and releases the client.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposing.IsCancellationRequested)
        {
            return;
        }

        await disposing.CancelAsync();
        if (started)
        {
            await finished.Task;
        }

        await DropAsync();
        client.Dispose();
        disposing.Dispose();
    }

    private async Task ConnectAndSubscribeAsync(IMqttSessionHandler handler, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.ConnectTimeout);
        if (options.UserName is { } user)
        {
            builder.WithCredentials(user, options.Password);
        }

        if (options.UseTls)
        {
            builder.WithTlsOptions(tls => tls.UseTls(true));
        }

        handler.Configure(builder);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var connected = await client.ConnectAsync(builder.Build(), timeout.Token);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new ConnectRefusedException(connected.ResultCode);
        }

        if (handler.Subscriptions.Count == 0)
        {
            return;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var (filter, qos) in handler.Subscriptions)
        {
            subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(qos));
        }

        var result = await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        var refused = result.Items
            .Where(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            .Select(i => $"'{i.TopicFilter.Topic}' ({i.ResultCode})")
            .ToList();
        if (refused.Count > 0)
        {
            throw new SubscribeRefusedException($"broker {options.Host}:{options.Port} refused the subscription to {string.Join(", ", refused)}");
        }
    }

    private async Task DropAsync()
    {
        if (!client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or IOException or InvalidOperationException)
        {
            logger.LogDebug(e, "Dropping the connection to {Host}:{Port} failed", options.Host, options.Port);
        }
    }

    private void Refused(MqttClientConnectResultCode? code, string message)
    {
        var why = code switch
        {
            MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized =>
                $"broker {options.Host}:{options.Port} refused the connection: {code} (check the user name and password)",
            { } known => $"broker {options.Host}:{options.Port} refused the connection: {known}",
            null => $"connecting to broker {options.Host}:{options.Port} failed: {message}",
        };
        counters.Error(SourceErrorKind.Connection, why);
        logger.LogWarning("{Reason}", why);
    }

    private sealed class ConnectRefusedException(MqttClientConnectResultCode code) : Exception($"connect refused: {code}")
    {
        public MqttClientConnectResultCode Code { get; } = code;
    }

    private sealed class SubscribeRefusedException(string message) : Exception(message);
}

using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Uplink;

/// <summary>
/// Sends the journal to the platform's broker: QoS 1, strictly in sequence order, one publish in flight at a time, to
/// <see cref="UplinkTopics.For"/>(gateway id, kind). A record counts as delivered only after the broker's PUBACK; the
/// journal is then acknowledged up to it. When the connection drops (or a publish is refused or times out) the
/// publisher reconnects with exponential backoff and starts again from the first record not acknowledged, so the
/// platform sees every sequence at least once and in order; it drops duplicates by (gateway, sequence).
/// </summary>
public sealed class UplinkPublisher
{
    private readonly UplinkPublisherOptions options;
    private readonly UplinkJournal journal;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly MqttClientFactory factory = new();
    private long published;
    private long connectFailures;
    private int connected;
    private string? lastError;
    private long lastPublishedTicks;

    public UplinkPublisher(UplinkPublisherOptions options, UplinkJournal journal, ILogger<UplinkPublisher>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(journal);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid uplink options: " + string.Join("; ", errors), nameof(options));
        }

        if (!string.Equals(options.GatewayId, journal.GatewayId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the journal belongs to gateway '{journal.GatewayId}', the uplink logs in as '{options.GatewayId}'", nameof(journal));
        }

        this.options = options;
        this.journal = journal;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
    }

    public UplinkPublisherHealth Health()
    {
        var ticks = Interlocked.Read(ref lastPublishedTicks);
        return new UplinkPublisherHealth(
            Volatile.Read(ref connected) != 0,
            journal.Backlog,
            Interlocked.Read(ref published),
            Interlocked.Read(ref connectFailures),
            Volatile.Read(ref lastError),
            ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    /// <summary>Connects, publishes and reconnects until <paramref name="cancellationToken"/> is cancelled; never throws for broker faults.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = options.MinBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var client = factory.CreateMqttClient();
                using var dropped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                client.DisconnectedAsync += _ =>
                {
                    Volatile.Write(ref connected, 0);
                    try
                    {
                        dropped.Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // the client is being disposed after this connection's loop ended
                    }

                    return Task.CompletedTask;
                };
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(options.ConnectTimeout);
                    var result = await client.ConnectAsync(ClientOptions(), connectTimeout.Token).ConfigureAwait(false);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new UplinkException($"broker refused the connection: {result.ResultCode} {result.ReasonString}");
                    }
                }

                Volatile.Write(ref connected, 1);
                backoff = options.MinBackoff;
                logger.LogInformation("uplink connected to {Broker}; {Backlog} records to send", options, journal.Backlog);
                await PumpAsync(client, dropped.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref connectFailures);
                Volatile.Write(ref lastError, ex.Message);
                logger.LogWarning("uplink to {Broker} failed ({Error}); retrying in {Backoff}", options, ex.Message, backoff);
            }
            finally
            {
                Volatile.Write(ref connected, 0);
            }

            try
            {
                var jitter = 0.5 + Random.Shared.NextDouble() / 2;
                await Task.Delay(backoff * jitter, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
        }
    }

    // publishes until the connection drops (the token is cancelled then) or a publish fails
    private async Task PumpAsync(IMqttClient client, CancellationToken dropped)
    {
        while (true)
        {
            var from = journal.AcknowledgedSequence;
            var batch = journal.ReadAfter(from, options.BatchSize);
            if (batch.Count == 0)
            {
                await journal.WaitForRecordsAfterAsync(from, dropped).ConfigureAwait(false);
                continue;
            }

            var delivered = 0L;
            try
            {
                foreach (var record in batch)
                {
                    dropped.ThrowIfCancellationRequested();
                    var envelope = record.Envelope();
                    var message = new MqttApplicationMessageBuilder()
                        .WithTopic(UplinkTopics.For(envelope.GatewayId, envelope.Kind))
                        .WithPayload(record.Json.ToArray())
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .WithContentType("application/json")
                        .Build();
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(dropped);
                    timeout.CancelAfter(options.PublishTimeout);
                    var result = await client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
                    if (options.RequireSubscriber && result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
                    {
                        throw new UplinkException($"no subscriber took record {record.Sequence}; kept in the journal and retried");
                    }

                    if (!result.IsSuccess)
                    {
                        throw new UplinkException($"broker refused record {record.Sequence}: {result.ReasonCode} {result.ReasonString}");
                    }

                    delivered = record.Sequence;
                    Interlocked.Increment(ref published);
                    Interlocked.Exchange(ref lastPublishedTicks, time.GetUtcNow().UtcTicks);
                }
            }
            finally
            {
                if (delivered > 0)
                {
                    journal.Acknowledge(delivered);
                }
            }
        }
    }

    private MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.EffectiveClientId)
            .WithCredentials(options.GatewayId, options.Password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.PublishTimeout);
        if (options.UseTls)
        {
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                if (options.AllowUntrustedCertificates)
                {
                    tls.WithCertificateValidationHandler(_ => true);
                }
            });
        }

        return builder.Build();
    }
}

/// <summary>The broker refused a connection or a publish.</summary>
public sealed class UplinkException(string message) : Exception(message);

using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Sparkplug;

/// <summary>
/// Reads tags from Sparkplug B edge nodes as a host application: subscribes to <c>spBv1.0/{group}/#</c> for every
/// configured group, follows births, deaths and sequence numbers (see <see cref="SparkplugOptions"/>), writes metric
/// values as samples, and publishes rebirth requests (NCMD "Node Control/Rebirth" = true, QoS 0, not retained) when it
/// has lost track of a node. As primary host it also publishes its STATE. Errors are counted by kind and by edge node
/// (<c>group/node</c>); malformed payloads never stop it.
/// </summary>
public sealed class SparkplugSource : ITagSource
{
    private readonly SparkplugOptions options;
    private readonly ILogger logger;
    private readonly SourceCounters counters = new();
    private readonly SparkplugHost host;
    private readonly Lock gate = new();
    private MqttSession? session;
    private long rebirthRequests;

    /// <exception cref="ArgumentException">The options do not validate; the message lists every problem.</exception>
    public SparkplugSource(string name, SparkplugOptions options, ILogger<SparkplugSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Sparkplug source '{name}': {string.Join("; ", errors)}", nameof(options));
        }

        Name = name;
        this.options = options;
        this.logger = logger ?? NullLogger<SparkplugSource>.Instance;
        host = new SparkplugHost(options);
    }

    public string Name { get; }

    public string Protocol => "sparkplug-b";

    /// <summary>How many rebirth requests were published.</summary>
    public long RebirthRequests => Interlocked.Read(ref rebirthRequests);

    public SourceHealth Health() => counters.Health(Name, Protocol);

    /// <summary>Connection state, counters and errors by kind and by edge node (scope <c>group/node</c>).</summary>
    public MqttSourceStatus Status() => counters.Snapshot();

    public async Task RunAsync(ISampleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (session is not null)
        {
            throw new InvalidOperationException($"Sparkplug source '{Name}' is already running");
        }

        session = new MqttSession(options.Broker, counters, logger);
        await session.RunAsync(new Handler(this, sink), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    private async Task ApplyAsync(SparkplugOutcome outcome, ISampleSink sink, CancellationToken cancellationToken)
    {
        foreach (var (kind, message, scope) in outcome.Errors)
        {
            counters.Error(kind, message, scope);
            if (counters.Count(scope, kind) == 1)
            {
                logger.LogWarning("Sparkplug source {Source}: {Message} (further {Kind} errors from {Scope} are logged at debug level)", Name, message, kind, scope);
            }
            else
            {
                logger.LogDebug("Sparkplug source {Source}: {Message}", Name, message);
            }
        }

        foreach (var (group, node) in outcome.Rebirths)
        {
            var command = new MqttApplicationMessageBuilder()
                .WithTopic(SparkplugTopic.NodeCommand(group, node))
                .WithPayload(SparkplugHost.RebirthRequest(DateTimeOffset.UtcNow))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
                .WithRetainFlag(false)
                .Build();
            if (session is not null && await session.PublishAsync(command, cancellationToken))
            {
                Interlocked.Increment(ref rebirthRequests);
                logger.LogInformation("Sparkplug source {Source}: asked edge node {Group}/{Node} for a rebirth", Name, group, node);
            }
        }

        if (outcome.Samples.Count > 0)
        {
            await sink.WriteAsync(outcome.Samples.ToList(), cancellationToken);
            counters.Samples(outcome.Samples.Count);
        }
    }

    private sealed class Handler(SparkplugSource source, ISampleSink sink) : IMqttSessionHandler
    {
        private readonly SparkplugOutcome outcome = new();
        private long stateTimestamp;

        public IReadOnlyList<(string Filter, MqttQualityOfServiceLevel Qos)> Subscriptions { get; } = BuildSubscriptions(source.options);

        public void Configure(MqttClientOptionsBuilder builder)
        {
            if (source.options.PrimaryHostId is not { } hostId)
            {
                return;
            }

            // Sparkplug 3.0.0, chapter 5 (host application session establishment): the will is the offline STATE with
            // the same timestamp as the online STATE published after connecting; both retained, QoS 1.
            stateTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            builder
                .WithWillTopic(SparkplugTopic.State(hostId))
                .WithWillPayload(State(online: false, stateTimestamp))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(true);
        }

        public async Task OnConnectedAsync(CancellationToken cancellationToken)
        {
            if (source.options.PrimaryHostId is { } hostId)
            {
                await PublishStateAsync(hostId, online: true, cancellationToken);
            }
        }

        public Task OnMessageAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            var now = DateTimeOffset.UtcNow;
            source.counters.Message(now);
            if (source.options.PrimaryHostId is { } hostId && topic == SparkplugTopic.State(hostId))
            {
                // Sparkplug 3.0.0, chapter 5: a host that sees itself reported offline (an old will) publishes online again
                if (!IsOnline(payload.Span))
                {
                    // not awaited inside the receive handler: a QoS 1 publish waits for the broker's acknowledgement
                    _ = Task.Run(() => PublishStateAsync(hostId, online: true, cancellationToken), CancellationToken.None);
                }

                return Task.CompletedTask;
            }

            lock (source.gate)
            {
                outcome.Clear();
                source.host.Handle(topic, payload.Span, now, outcome);
            }

            return source.ApplyAsync(outcome, sink, cancellationToken);
        }

        public async Task OnDisconnectedAsync(CancellationToken cancellationToken)
        {
            var lost = new SparkplugOutcome();
            lock (source.gate)
            {
                source.host.MarkAllBad(DateTimeOffset.UtcNow, lost);
            }

            await source.ApplyAsync(lost, sink, cancellationToken);
        }

        public async Task OnStoppingAsync(CancellationToken cancellationToken)
        {
            if (source.options.PrimaryHostId is { } hostId)
            {
                await PublishStateAsync(hostId, online: false, cancellationToken);
            }
        }

        private static List<(string, MqttQualityOfServiceLevel)> BuildSubscriptions(SparkplugOptions options)
        {
            var filters = options.GroupIds.Select(g => ($"{SparkplugTopic.Namespace}/{g}/#", MqttQualityOfServiceLevel.AtLeastOnce)).ToList();
            if (options.PrimaryHostId is { } hostId)
            {
                filters.Add((SparkplugTopic.State(hostId), MqttQualityOfServiceLevel.AtLeastOnce));
            }

            return filters;
        }

        private static bool IsOnline(ReadOnlySpan<byte> payload)
        {
            try
            {
                var reader = new System.Text.Json.Utf8JsonReader(payload);
                using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
                return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                    && document.RootElement.TryGetProperty("online", out var online)
                    && online.ValueKind == System.Text.Json.JsonValueKind.True;
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }

        private static byte[] State(bool online, long timestamp) =>
            Encoding.UTF8.GetBytes($"{{\"online\":{(online ? "true" : "false")},\"timestamp\":{timestamp}}}");

        private Task<bool> PublishStateAsync(string hostId, bool online, CancellationToken cancellationToken) =>
            source.session!.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(SparkplugTopic.State(hostId))
                    .WithPayload(State(online, stateTimestamp))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithRetainFlag(true)
                    .Build(),
                cancellationToken);
    }
}

using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// Reads tags from plain JSON MQTT messages: subscribes to each configured topic filter, maps every arriving payload
/// to samples with the subscription's tag mappings, and writes them to the sink. Bad payloads are counted per
/// subscription and kind (<see cref="SourceErrorKind"/>) and logged (the first of each kind at warning level, the rest
/// at debug). When the connection drops, every tag seen so far gets a bad sample; the source reconnects with backoff
/// and subscribes again.
/// </summary>
public sealed class MqttJsonSource : ITagSource
{
    private readonly MqttJsonOptions options;
    private readonly ILogger logger;
    private readonly SourceCounters counters = new();
    private readonly IReadOnlyList<JsonSubscriptionMapper> mappers;
    private readonly HashSet<string> seenTags = new(StringComparer.Ordinal);
    private MqttSession? session;

    /// <exception cref="ArgumentException">The options do not validate; the message lists every problem.</exception>
    public MqttJsonSource(string name, MqttJsonOptions options, ILogger<MqttJsonSource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"MQTT JSON source '{name}': {string.Join("; ", errors)}", nameof(options));
        }

        Name = name;
        this.options = options;
        this.logger = logger ?? NullLogger<MqttJsonSource>.Instance;
        mappers = options.Subscriptions.Select(s => new JsonSubscriptionMapper(s)).ToList();
    }

    public string Name { get; }

    public string Protocol => "mqtt-json";

    public SourceHealth Health() => counters.Health(Name, Protocol);

    /// <summary>Connection state, counters and errors by kind and by subscription (scope = topic filter).</summary>
    public MqttSourceStatus Status() => counters.Snapshot();

    public async Task RunAsync(ISampleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (session is not null)
        {
            throw new InvalidOperationException($"MQTT JSON source '{Name}' is already running");
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

    private void Report(string scope, string kind, string message)
    {
        counters.Error(kind, message, scope);
        if (counters.Count(scope, kind) == 1)
        {
            logger.LogWarning("MQTT JSON source {Source}, subscription {Filter}: {Message} (further {Kind} errors are logged at debug level)", Name, scope, message, kind);
        }
        else
        {
            logger.LogDebug("MQTT JSON source {Source}, subscription {Filter}: {Message}", Name, scope, message);
        }
    }

    private sealed class Handler(MqttJsonSource source, ISampleSink sink) : IMqttSessionHandler
    {
        public IReadOnlyList<(string Filter, MqttQualityOfServiceLevel Qos)> Subscriptions { get; } =
            source.options.Subscriptions
                .Select(s => (s.TopicFilter, s.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce))
                .ToList();

        public void Configure(MqttClientOptionsBuilder builder)
        {
        }

        public Task OnConnectedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task OnMessageAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            var now = DateTimeOffset.UtcNow;
            source.counters.Message(now);
            var samples = new List<TagSample>();
            var errors = new List<(string Kind, string Message)>();
            foreach (var mapper in source.mappers)
            {
                if (!mapper.Matches(topic))
                {
                    continue;
                }

                errors.Clear();
                mapper.Map(topic, payload, now, samples, errors);
                foreach (var (kind, message) in errors)
                {
                    source.Report(mapper.Options.TopicFilter, kind, message);
                }
            }

            if (samples.Count == 0)
            {
                return;
            }

            lock (source.seenTags)
            {
                foreach (var sample in samples)
                {
                    source.seenTags.Add(sample.TagId);
                }
            }

            await sink.WriteAsync(samples, cancellationToken);
            source.counters.Samples(samples.Count);
        }

        public async Task OnDisconnectedAsync(CancellationToken cancellationToken)
        {
            List<TagSample> bad;
            var now = DateTimeOffset.UtcNow;
            lock (source.seenTags)
            {
                bad = source.seenTags.Select(t => TagSample.Bad(t, now)).ToList();
                source.seenTags.Clear();
            }

            if (bad.Count > 0)
            {
                await sink.WriteAsync(bad, cancellationToken);
                source.counters.Samples(bad.Count);
            }
        }

        public Task OnStoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

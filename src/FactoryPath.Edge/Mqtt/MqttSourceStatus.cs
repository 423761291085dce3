using System.Collections.Concurrent;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Mqtt;

/// <summary>
/// The detailed health of an MQTT or Sparkplug source: connection state, counters, errors by kind (see
/// <see cref="SourceErrorKind"/>) and by scope (a JSON subscription's topic filter, a Sparkplug edge node
/// <c>group/node</c>), and the last error.
/// </summary>
public sealed record MqttSourceStatus(
    bool Connected,
    long Connects,
    long Messages,
    long Samples,
    DateTimeOffset? LastMessageAt,
    IReadOnlyDictionary<string, long> ErrorsByKind,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ErrorsByScope,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    public long Errors => ErrorsByKind.Values.Sum();

    public long ErrorCount(string kind) => ErrorsByKind.GetValueOrDefault(kind);

    public long ErrorCount(string scope, string kind) => ErrorsByScope.TryGetValue(scope, out var kinds) ? kinds.GetValueOrDefault(kind) : 0;
}

/// <summary>Thread-safe counters behind <see cref="MqttSourceStatus"/>.</summary>
internal sealed class SourceCounters
{
    private readonly ConcurrentDictionary<string, long> byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Scope, string Kind), long> byScope = new();
    private readonly Lock gate = new();
    private long connects, messages, samples;
    private volatile bool connected;
    private string? lastError;
    private DateTimeOffset? lastErrorAt, lastMessageAt;

    public bool Connected
    {
        get => connected;
        set => connected = value;
    }

    public void Connect() => Interlocked.Increment(ref connects);

    public void Message(DateTimeOffset at)
    {
        Interlocked.Increment(ref messages);
        lock (gate)
        {
            lastMessageAt = at;
        }
    }

    public void Samples(int count) => Interlocked.Add(ref samples, count);

    public void Error(string kind, string message, string? scope = null)
    {
        byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (scope is not null)
        {
            byScope.AddOrUpdate((scope, kind), 1, (_, n) => n + 1);
        }

        lock (gate)
        {
            lastError = message;
            lastErrorAt = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>How many errors of this kind in this scope so far (to log the first of each at warning level).</summary>
    public long Count(string scope, string kind) => byScope.GetValueOrDefault((scope, kind));

    public MqttSourceStatus Snapshot()
    {
        var scopes = byScope
            .GroupBy(p => p.Key.Scope)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(p => p.Key.Kind, p => p.Value), StringComparer.Ordinal);
        lock (gate)
        {
            return new MqttSourceStatus(
                connected,
                Interlocked.Read(ref connects),
                Interlocked.Read(ref messages),
                Interlocked.Read(ref samples),
                lastMessageAt,
                new Dictionary<string, long>(byKind, StringComparer.Ordinal),
                scopes,
                lastError,
                lastErrorAt);
        }
    }

    public SourceHealth Health(string name, string protocol)
    {
        var status = Snapshot();
        return new SourceHealth(name, protocol, status.Connected, status.LastMessageAt, status.Messages, status.Errors, status.LastError);
    }
}

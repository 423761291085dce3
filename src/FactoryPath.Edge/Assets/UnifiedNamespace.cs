using System.Collections.Concurrent;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Assets;

/// <summary>
/// The gateway's unified-namespace view: the latest value, quality and time of every configured tag, under its ISA-95
/// asset path. A sink in the pipeline; samples of tags it does not know are ignored (and counted). A tag not yet read
/// shows with no value and bad quality.
/// </summary>
public sealed class UnifiedNamespace : ISampleSink
{
    private readonly ConcurrentDictionary<string, Entry> tags = new(StringComparer.Ordinal);
    private long unknown;

    public UnifiedNamespace(IEnumerable<TagInfo> configured) => Replace(configured);

    /// <summary>Samples whose tag id is not configured.</summary>
    public long UnknownSamples => Interlocked.Read(ref unknown);

    /// <summary>Swaps in a new set of tags (after a configuration reload), keeping the values of tags that stay.</summary>
    public void Replace(IEnumerable<TagInfo> configured)
    {
        var fresh = configured.ToDictionary(t => t.TagId, StringComparer.Ordinal);
        foreach (var id in tags.Keys.Where(id => !fresh.ContainsKey(id)))
        {
            tags.TryRemove(id, out _);
        }

        foreach (var (id, info) in fresh)
        {
            tags.AddOrUpdate(id, _ => new Entry(info), (_, old) => old with { Info = info });
        }
    }

    public ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
    {
        foreach (var sample in samples)
        {
            if (!tags.TryGetValue(sample.TagId, out var entry))
            {
                Interlocked.Increment(ref unknown);
                continue;
            }

            // a late sample (older than the one shown) does not replace the newer one
            if (entry.Timestamp is { } shown && sample.Timestamp < shown)
            {
                continue;
            }

            tags[sample.TagId] = entry with { Value = sample.Value, Quality = sample.Quality, Timestamp = sample.Timestamp };
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Every tag, ordered by asset path and then tag id.</summary>
    public IReadOnlyList<LiveTag> Snapshot() =>
        tags.Values
            .Select(e => new LiveTag(e.Info.TagId, e.Info.Path.ToString(), e.Info.Role, e.Info.Unit, e.Value, e.Quality, e.Timestamp))
            .OrderBy(t => t.AssetPath, StringComparer.Ordinal)
            .ThenBy(t => t.TagId, StringComparer.Ordinal)
            .ToList();

    public LiveTag? Get(string tagId) =>
        tags.TryGetValue(tagId, out var e) ? new LiveTag(e.Info.TagId, e.Info.Path.ToString(), e.Info.Role, e.Info.Unit, e.Value, e.Quality, e.Timestamp) : null;

    private sealed record Entry(TagInfo Info)
    {
        public double? Value { get; init; }

        public TagQuality Quality { get; init; } = TagQuality.Bad;

        public DateTimeOffset? Timestamp { get; init; }
    }
}

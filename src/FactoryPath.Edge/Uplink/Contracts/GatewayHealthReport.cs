using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>
/// Sent every few seconds: how the gateway and each of its sources are doing, and the current value of every tag (the
/// platform's gateway page shows these as the live tags).
/// </summary>
public sealed record GatewayHealthReport(
    DateTimeOffset StartedAt,
    string Version,
    IReadOnlyList<SourceHealth> Sources,
    long JournalBacklog,
    IReadOnlyList<LiveTag> Tags);

/// <summary>One device or broker subscription the gateway reads from.</summary>
public sealed record SourceHealth(string Name, string Protocol, bool Connected, DateTimeOffset? LastReadAt, long Reads, long Errors, string? LastError);

/// <summary>A tag's latest value as the unified-namespace view shows it.</summary>
public sealed record LiveTag(string TagId, string AssetPath, TagRole Role, string? Unit, double? Value, TagQuality Quality, DateTimeOffset? Timestamp);

using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>
/// Sent every few seconds: how the gateway and each of its sources are doing, and the current value of every tag (the
/// platform's gateway page shows these as the live tags), and the gateway's own alarms (e.g. its disk is full; absent
/// from reports of gateways that predate them).
/// </summary>
public sealed record GatewayHealthReport(
    DateTimeOffset StartedAt,
    string Version,
    IReadOnlyList<SourceHealth> Sources,
    long JournalBacklog,
    IReadOnlyList<LiveTag> Tags,
    IReadOnlyList<GatewayAlarm>? Alarms = null);

/// <summary>A condition of the gateway itself that needs someone on site, e.g. <c>disk-full</c>, worded in both languages.</summary>
public sealed record GatewayAlarm(string Code, string MessageZh, string MessageEn, DateTimeOffset Since);

/// <summary>One device or broker subscription the gateway reads from.</summary>
public sealed record SourceHealth(string Name, string Protocol, bool Connected, DateTimeOffset? LastReadAt, long Reads, long Errors, string? LastError);

/// <summary>A tag's latest value as the unified-namespace view shows it.</summary>
public sealed record LiveTag(string TagId, string AssetPath, TagRole Role, string? Unit, double? Value, TagQuality Quality, DateTimeOffset? Timestamp);

using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>Rollups of one resolution ("1m" or "1h") for a set of tags.</summary>
public sealed record RollupBatch(string Resolution, IReadOnlyList<RollupRecord> Items);

/// <summary>
/// One tag over one period [PeriodStart, PeriodStart + resolution): good samples counted, min/max/mean/last of their
/// values, bad samples counted, and for cumulative tags (counters, energy) the increase over the period with resets and
/// rollovers taken out.
/// </summary>
public sealed record RollupRecord(
    string TagId,
    string AssetPath,
    TagRole Role,
    DateTimeOffset PeriodStart,
    long Count,
    double? Min,
    double? Max,
    double? Mean,
    double? Last,
    long BadCount,
    double? Increase = null);

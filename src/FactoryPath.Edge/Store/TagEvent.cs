namespace FactoryPath.Edge.Store;

/// <summary>
/// A change the store derived from a State, DownReason or Alarm tag: the value before (null when none was known) and
/// after. Kinds are the constants of <see cref="TagEventKinds"/>.
/// </summary>
public sealed record TagEvent(string TagId, DateTimeOffset Timestamp, string Kind, double? Old, double? New);

public static class TagEventKinds
{
    /// <summary>A State tag took a new code (also its first value ever).</summary>
    public const string State = "state";

    /// <summary>A DownReason tag took a new code.</summary>
    public const string DownReason = "down_reason";

    /// <summary>An Alarm tag went from zero (or unknown) to non-zero.</summary>
    public const string AlarmRaised = "alarm_raised";

    /// <summary>An Alarm tag went back to zero.</summary>
    public const string AlarmCleared = "alarm_cleared";

    /// <summary>An Alarm tag went from one non-zero code to another.</summary>
    public const string AlarmChanged = "alarm_changed";
}

/// <summary>The two rollup resolutions the store keeps.</summary>
public enum RollupResolution
{
    Minute,
    Hour,
}

/// <summary>What one retention pass deleted.</summary>
public sealed record RetentionResult(long Samples, long Events, long MinuteRollups, long HourRollups)
{
    /// <summary>KPI minutes deleted (kept as long as minute rollups).</summary>
    public long KpiMinutes { get; init; }
}

/// <summary>What one rollup pass computed: rows written and the end (exclusive) of the closed periods now rolled up.</summary>
public sealed record RollupProgress(int MinuteRows, int HourRows, DateTimeOffset? MinutesDoneUntil, DateTimeOffset? HoursDoneUntil);

/// <summary>
/// Counters of the store's write path, for the gateway's health: samples and events written, appender passes, failed
/// passes and the samples they lost, samples refused or downgraded at the door (no tag id; NaN or infinite value).
/// </summary>
public sealed record LocalStoreHealth(long SamplesWritten, long EventsWritten, long Batches, long WriteErrors, long LostSamples, long RejectedSamples, string? LastError);

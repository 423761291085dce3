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
/// passes, samples lost (dropped beyond <see cref="LocalStoreOptions.OutageBufferSamples"/> while writes failed), samples
/// refused or downgraded at the door (no tag id; NaN or infinite value), the samples held in memory until a write
/// succeeds again (at most <see cref="HeldLimit"/>, <see cref="LocalStoreOptions.OutageBufferSamples"/>), and the
/// alarm while writes fail (null when writing works).
/// </summary>
public sealed record LocalStoreHealth(long SamplesWritten, long EventsWritten, long Batches, long WriteErrors, long LostSamples, long RejectedSamples, string? LastError,
    long HeldSamples = 0, StoreAlarm? Alarm = null, long HeldLimit = 0);

/// <summary>
/// Why the local store cannot write just now, with a message for the people on site in both languages: <see cref="DiskFull"/>
/// when the disk has no space left, <see cref="WriteFailed"/> for any other write error.
/// </summary>
public sealed record StoreAlarm(string Code, string MessageZh, string MessageEn, DateTimeOffset Since, long HeldSamples, long LostSamples)
{
    /// <summary>How many samples the store holds in memory at most (<see cref="LocalStoreOptions.OutageBufferSamples"/>).</summary>
    public long HeldLimit { get; init; }

    public const string DiskFull = "disk-full";
    public const string WriteFailed = "write-failed";

    internal static StoreAlarm For(bool diskFull, DateTimeOffset since, long held, long lost, int bound) => diskFull
        ? new(DiskFull,
            $"本地存储磁盘已满，数据暂时无法写入。新数据先保存在内存中（已保存 {held:N0} 条，最多 {bound:N0} 条），腾出磁盘空间后自动写入{(lost > 0 ? $"；已有 {lost:N0} 条因超出上限而丢失" : "")}。",
            $"The local store's disk is full: data cannot be written. New samples are held in memory ({held:N0} held, at most {bound:N0}) and written as soon as space is freed{(lost > 0 ? $"; {lost:N0} were lost beyond that bound" : "")}.",
            since, held, lost) { HeldLimit = bound }
        : new(WriteFailed,
            $"本地存储暂时无法写入。新数据先保存在内存中（已保存 {held:N0} 条，最多 {bound:N0} 条），恢复后自动写入{(lost > 0 ? $"；已有 {lost:N0} 条因超出上限而丢失" : "")}。",
            $"The local store cannot write just now. New samples are held in memory ({held:N0} held, at most {bound:N0}) and written once writing works again{(lost > 0 ? $"; {lost:N0} were lost beyond that bound" : "")}.",
            since, held, lost) { HeldLimit = bound };
}

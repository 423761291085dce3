namespace FactoryPath.Edge.Store;

/// <summary>
/// Settings of the gateway's local store. <see cref="DatabasePath"/> null keeps everything in memory (tests); otherwise
/// one DuckDB file (DuckDB writes its write-ahead log beside it as <c>&lt;file&gt;.wal</c>).
/// </summary>
public sealed record LocalStoreOptions
{
    /// <summary>The DuckDB file, e.g. <c>data/store.duckdb</c>; null for an in-memory database.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>
    /// Samples written in one appender pass (one DuckDB commit) once this many are queued; below it the
    /// <see cref="FlushInterval"/> decides. Large passes are what reaches DuckDB's own appender speed (BENCHMARKS.md).
    /// </summary>
    public int BatchSize { get; init; } = 250_000;

    /// <summary>DuckDB's memory limit in MiB (its buffer pool); DuckDB's own default is 80 % of the machine's memory.</summary>
    public int MemoryLimitMegabytes { get; init; } = 512;

    /// <summary>Queued samples are written at the latest after this long, however few they are.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many <c>WriteAsync</c> batches may wait in the queue before writers wait (back-pressure).</summary>
    public int QueueCapacity { get; init; } = 1_024;

    /// <summary>
    /// While writes fail (a full disk, a broken file) the samples that could not be written are held in memory, at most
    /// this many (about 40 bytes each: the default of 2,000,000 is about 80 MB, half an hour of 1,000 tags at 1 Hz), and
    /// written first once a write succeeds again; beyond it the oldest held samples are dropped and counted as lost.
    /// </summary>
    public int OutageBufferSamples { get; init; } = 2_000_000;

    /// <summary>While writes fail, a write of the held samples is tried again this often, also when no new samples arrive.</summary>
    public TimeSpan WriteRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A minute is rolled up once it ended this long ago, so samples that arrive a little late still count.</summary>
    public TimeSpan RollupGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Raw samples and events older than this are deleted by <see cref="LocalStore.ApplyRetentionAsync"/>.</summary>
    public TimeSpan SampleRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Minute rollups older than this are deleted.</summary>
    public TimeSpan MinuteRollupRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Hour rollups older than this are deleted.</summary>
    public TimeSpan HourRollupRetention { get; init; } = TimeSpan.FromDays(3 * 365);

    /// <summary>Every problem with these settings, worded for the configuration file; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DatabasePath is { } path && string.IsNullOrWhiteSpace(path))
        {
            errors.Add("store.path must not be blank (leave it out for an in-memory store)");
        }

        if (BatchSize is < 1 or > 10_000_000)
        {
            errors.Add($"store.batch_size must be between 1 and 10,000,000 (was {BatchSize})");
        }

        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"store.flush_interval must be above 0 and at most 1 minute (was {FlushInterval})");
        }

        if (MemoryLimitMegabytes is < 64 or > 1_048_576)
        {
            errors.Add($"store.memory_limit_mb must be between 64 and 1,048,576 (was {MemoryLimitMegabytes})");
        }

        if (QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add($"store.queue_capacity must be between 1 and 1,000,000 (was {QueueCapacity})");
        }

        if (OutageBufferSamples is < 0 or > 100_000_000)
        {
            errors.Add($"store.outage_buffer_samples must be between 0 and 100,000,000 (was {OutageBufferSamples})");
        }

        if (WriteRetryInterval <= TimeSpan.Zero || WriteRetryInterval > TimeSpan.FromMinutes(5))
        {
            errors.Add($"store.write_retry_interval must be above 0 and at most 5 minutes (was {WriteRetryInterval})");
        }

        if (RollupGrace < TimeSpan.Zero || RollupGrace > TimeSpan.FromMinutes(10))
        {
            errors.Add($"store.rollup_grace must be between 0 and 10 minutes (was {RollupGrace})");
        }

        if (SampleRetention < TimeSpan.FromHours(1))
        {
            errors.Add($"store.retention.samples must be at least 1 hour (was {SampleRetention})");
        }

        if (MinuteRollupRetention < SampleRetention)
        {
            errors.Add("store.retention.minute_rollups must be at least store.retention.samples");
        }

        if (HourRollupRetention < MinuteRollupRetention)
        {
            errors.Add("store.retention.hour_rollups must be at least store.retention.minute_rollups");
        }

        return errors;
    }
}

namespace FactoryPath.Edge.Uplink;

/// <summary>Settings of the uplink journal (the store-and-forward queue on disk).</summary>
public sealed record UplinkJournalOptions
{
    /// <summary>The journal's own folder, e.g. <c>data/journal</c>; created when missing.</summary>
    public required string Directory { get; init; }

    /// <summary>The gateway id every envelope carries (the MQTT user name the platform issued).</summary>
    public required string GatewayId { get; init; }

    /// <summary>The journal refuses appends that would take its files past this size.</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>A new segment file is started once the current one reaches this size.</summary>
    public long SegmentBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>The largest single record accepted (and believed when reading a length back).</summary>
    public int MaxRecordBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Forces every appended record to the disk before the append returns (off only for benchmarks and tests).</summary>
    public bool FsyncOnAppend { get; init; } = true;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            errors.Add("uplink.journal.directory is required");
        }

        if (!UplinkPublisherOptions.IsValidGatewayId(GatewayId))
        {
            errors.Add($"gateway id '{GatewayId}' must be 1-64 characters of letters, digits, '-', '_' or '.'");
        }

        if (MaxRecordBytes is < 1024 or > 64 * 1024 * 1024)
        {
            errors.Add($"uplink.journal.max_record_bytes must be between 1 KiB and 64 MiB (was {MaxRecordBytes})");
        }

        if (SegmentBytes < 4096)
        {
            errors.Add($"uplink.journal.segment_bytes must be at least 4096 (was {SegmentBytes})");
        }

        if (MaxBytes < SegmentBytes || MaxBytes < MaxRecordBytes)
        {
            errors.Add($"uplink.journal.max_bytes ({MaxBytes}) must be at least segment_bytes and max_record_bytes");
        }

        return errors;
    }
}

/// <summary>Thrown when an append would take the journal past its maximum size; nothing was written.</summary>
public sealed class UplinkJournalFullException(long sizeBytes, long maxBytes, int recordBytes)
    : InvalidOperationException($"uplink journal is full: {sizeBytes:N0} of {maxBytes:N0} bytes used, a {recordBytes:N0}-byte record does not fit; the data stays in the local store until the backlog is acknowledged")
{
    public long SizeBytes { get; } = sizeBytes;

    public long MaxBytes { get; } = maxBytes;
}

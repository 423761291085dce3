namespace FactoryPath.Edge.Uplink;

/// <summary>How often the gateway puts rollups, the equipment register and its health into the uplink.</summary>
public sealed record RollupUplinkOptions
{
    /// <summary>Rollups of closed minutes are computed and journalled this often.</summary>
    public TimeSpan RollupInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A health snapshot is sent this often (only while the uplink is connected; see <see cref="RollupUplink"/>).</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retention runs this often.</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many rollup records go into one envelope.</summary>
    public int MaxRecordsPerBatch { get; init; } = 5_000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RollupInterval < TimeSpan.FromSeconds(1) || HealthInterval < TimeSpan.FromSeconds(1) || RetentionInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("uplink rollup, health and retention intervals must be at least 1 s");
        }

        if (MaxRecordsPerBatch is < 1 or > 100_000)
        {
            errors.Add($"uplink.max_records_per_batch must be between 1 and 100,000 (was {MaxRecordsPerBatch})");
        }

        return errors;
    }
}

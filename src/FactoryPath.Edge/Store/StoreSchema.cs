namespace FactoryPath.Edge.Store;

/// <summary>
/// The tables of the local store. Samples name their tag by a small integer key (<c>tag_keys</c> maps it to the tag
/// id), which keeps the appender fast and the file small; every other table names tags by id. Timestamps are UTC <c>TIMESTAMP</c> (microseconds); quality is the
/// <see cref="Model.TagQuality"/> number (0 good, 1 uncertain, 2 bad); roles are the <see cref="Model.TagRole"/> name.
/// </summary>
internal static class StoreSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS tags (
            id VARCHAR PRIMARY KEY, asset_path VARCHAR NOT NULL, role VARCHAR NOT NULL, unit VARCHAR);
        CREATE TABLE IF NOT EXISTS tag_keys (key INTEGER PRIMARY KEY, tag VARCHAR NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS samples (
            tag_key INTEGER NOT NULL, ts TIMESTAMP NOT NULL, value DOUBLE, quality UTINYINT NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            tag VARCHAR NOT NULL, ts TIMESTAMP NOT NULL, kind VARCHAR NOT NULL, old_value DOUBLE, new_value DOUBLE);
        CREATE TABLE IF NOT EXISTS rollup_1m (
            tag VARCHAR NOT NULL, period TIMESTAMP NOT NULL, good_count BIGINT NOT NULL, min_value DOUBLE,
            max_value DOUBLE, mean_value DOUBLE, last_value DOUBLE, bad_count BIGINT NOT NULL, increase DOUBLE,
            PRIMARY KEY (tag, period));
        CREATE TABLE IF NOT EXISTS rollup_1h (
            tag VARCHAR NOT NULL, period TIMESTAMP NOT NULL, good_count BIGINT NOT NULL, min_value DOUBLE,
            max_value DOUBLE, mean_value DOUBLE, last_value DOUBLE, bad_count BIGINT NOT NULL, increase DOUBLE,
            PRIMARY KEY (tag, period));
        CREATE TABLE IF NOT EXISTS kpi_1m (
            asset_path VARCHAR NOT NULL, period TIMESTAMP NOT NULL, shift VARCHAR, planned_busy_ms BIGINT NOT NULL,
            running_ms BIGINT NOT NULL, down_ms BIGINT NOT NULL, setup_ms BIGINT NOT NULL, idle_ms BIGINT NOT NULL,
            unknown_ms BIGINT NOT NULL, down_ms_by_reason VARCHAR NOT NULL, down_starts INTEGER NOT NULL,
            down_carried_in BOOLEAN NOT NULL, good BIGINT NOT NULL, scrap BIGINT NOT NULL, energy_kwh DOUBLE,
            ideal_cycle_seconds DOUBLE NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (asset_path, period));
        CREATE TABLE IF NOT EXISTS store_state (key VARCHAR PRIMARY KEY, at_time TIMESTAMP, note VARCHAR);
        """;

    /// <summary>End (exclusive) of the minutes already rolled up.</summary>
    public const string MinutesDone = "rollup_1m_done";

    /// <summary>End (exclusive) of the hours already rolled up.</summary>
    public const string HoursDone = "rollup_1h_done";

    /// <summary>Start of the last minute period whose rollups went into the uplink journal.</summary>
    public const string MinutesSent = "uplink_1m_sent";

    /// <summary>The write sequence number (kpi_1m.seq) of the last KPI minute put into the uplink journal (in note).</summary>
    public const string KpiSent = "uplink_kpi_sent";

    /// <summary>Fingerprint of the equipment register last put into the uplink journal.</summary>
    public const string RegisterSent = "uplink_register_sent";
}

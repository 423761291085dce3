using DuckDB.NET.Data;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Store;

// Reads and retention. Queries see what the writer task has written; call FlushAsync first to include queued samples.
public sealed partial class LocalStore
{
    /// <summary>Samples of one tag with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<TagSample> GetSamples(string tagId, DateTimeOffset from, DateTimeOffset to, int limit = 100_000)
    {
        ArgumentException.ThrowIfNullOrEmpty(tagId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var result = new List<TagSample>();
        if (KeyOf(tagId) is not { } key)
        {
            return result;
        }

        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT ts, value, quality FROM samples WHERE tag_key = $key AND ts >= $from AND ts < $to ORDER BY ts LIMIT $limit";
            command.Parameters.Add(new DuckDBParameter("key", key));
            command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter("limit", limit));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.Add(new TagSample(tagId, Utc(reader.GetDateTime(0)), reader.IsDBNull(1) ? null : reader.GetDouble(1), (TagQuality)reader.GetByte(2)));
            }
        }

        return result;
    }

    /// <summary>Events with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, of one tag or all, oldest first.</summary>
    public IReadOnlyList<TagEvent> GetEvents(DateTimeOffset from, DateTimeOffset to, string? tagId = null)
    {
        var result = new List<TagEvent>();
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT tag, ts, kind, old_value, new_value FROM events WHERE ts >= $from AND ts < $to"
                + (tagId is null ? string.Empty : " AND tag = $tag") + " ORDER BY ts, tag";
            command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
            if (tagId is not null)
            {
                command.Parameters.Add(new DuckDBParameter("tag", tagId));
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.Add(new TagEvent(reader.GetString(0), Utc(reader.GetDateTime(1)), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            }
        }

        return result;
    }

    /// <summary>Rollups whose period starts in [<paramref name="from"/>, <paramref name="to"/>), of one tag or all, by period then tag.</summary>
    public IReadOnlyList<RollupRecord> GetRollups(RollupResolution resolution, DateTimeOffset from, DateTimeOffset to, string? tagId = null) =>
        ReadRollups(resolution, "period >= $from AND period < $to" + (tagId is null ? string.Empty : " AND tag = $tag"), int.MaxValue,
            ("from", from.UtcDateTime), ("to", to.UtcDateTime), ("tag", tagId));

    /// <summary>
    /// Minute rollups not yet put into the uplink journal (periods after the one <see cref="MarkMinuteRollupsSent"/>
    /// remembered), oldest first, in whole periods: the first unsent period whatever its size, then further periods
    /// while the total stays within <paramref name="limit"/> rows.
    /// </summary>
    public IReadOnlyList<RollupRecord> GetUnsentMinuteRollups(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (gate)
        {
            var after = ReadStateTime(StoreSchema.MinutesSent) ?? DateTimeOffset.MinValue;
            return ReadRollups(RollupResolution.Minute, """
                period IN (
                    WITH p AS (SELECT period, count(*) AS n FROM rollup_1m WHERE period > $after GROUP BY period),
                         c AS (SELECT period, sum(n) OVER (ORDER BY period) AS total FROM p)
                    SELECT period FROM c WHERE total <= $limit OR period = (SELECT min(period) FROM p))
                """, int.MaxValue, ("after", after.UtcDateTime), ("limit", (long)limit));
        }
    }

    /// <summary>Remembers, durably, that minute rollups up to and including <paramref name="period"/> are in the journal.</summary>
    public void MarkMinuteRollupsSent(DateTimeOffset period)
    {
        lock (gate)
        {
            WriteState(StoreSchema.MinutesSent, period, null);
        }
    }

    /// <summary>A text remembered durably under a key of the uplink (e.g. the fingerprint of the last register sent).</summary>
    public string? GetUplinkMark(string key)
    {
        lock (gate)
        {
            return ReadStateText("uplink:" + key);
        }
    }

    public void SetUplinkMark(string key, string text)
    {
        lock (gate)
        {
            WriteState("uplink:" + key, null, text);
        }
    }

    /// <summary>
    /// Deletes samples and events older than <see cref="LocalStoreOptions.SampleRetention"/>, minute rollups older than
    /// <see cref="LocalStoreOptions.MinuteRollupRetention"/> and hour rollups older than
    /// <see cref="LocalStoreOptions.HourRollupRetention"/>, measured back from <paramref name="now"/>. KPI minutes are kept as
    /// long as minute rollups.
    /// </summary>
    public RetentionResult ApplyRetention(DateTimeOffset now)
    {
        lock (gate)
        {
            return new RetentionResult(
                Delete("samples", "ts", now - options.SampleRetention),
                Delete("events", "ts", now - options.SampleRetention),
                Delete("rollup_1m", "period", now - options.MinuteRollupRetention),
                Delete("rollup_1h", "period", now - options.HourRollupRetention))
            {
                KpiMinutes = Delete("kpi_1m", "period", now - options.MinuteRollupRetention),
            };
        }
    }

    private long Delete(string table, string column, DateTimeOffset before)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {table} WHERE {column} < $before";
        command.Parameters.Add(new DuckDBParameter("before", before.UtcDateTime));
        return command.ExecuteNonQuery();
    }

    private List<RollupRecord> ReadRollups(RollupResolution resolution, string where, int limit, params (string Name, object? Value)[] parameters)
    {
        var table = resolution == RollupResolution.Minute ? "rollup_1m" : "rollup_1h";
        var result = new List<RollupRecord>();
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT tag, period, good_count, min_value, max_value, mean_value, last_value, bad_count, increase
                FROM {table} WHERE {where} ORDER BY period, tag LIMIT {limit}
                """;
            foreach (var (name, value) in parameters)
            {
                if (value is not null)
                {
                    command.Parameters.Add(new DuckDBParameter(name, value));
                }
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var tag = reader.GetString(0);
                tags.TryGetValue(tag, out var info);
                result.Add(new RollupRecord(
                    tag,
                    info?.Path.ToString() ?? string.Empty,
                    info?.Role ?? TagRole.Other,
                    Utc(reader.GetDateTime(1)),
                    reader.GetInt64(2),
                    Nullable(reader, 3),
                    Nullable(reader, 4),
                    Nullable(reader, 5),
                    Nullable(reader, 6),
                    reader.GetInt64(7),
                    Nullable(reader, 8)));
            }
        }

        return result;
    }

    private static double? Nullable(DuckDBDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}

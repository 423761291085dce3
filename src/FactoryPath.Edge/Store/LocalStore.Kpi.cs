using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Store;

// KPI minutes (kpi_1m): one row per machine and minute, replaced when written again. Every write takes the next
// sequence number, so the uplink's "sent up to" mark is exact even though machines close their minutes at different
// times, and a minute written again (replaced) is sent again.
public sealed partial class LocalStore
{
    private long kpiSequence = -1;

    /// <summary>Stores closed KPI minutes (a minute already stored for the same machine and period is replaced).</summary>
    public void WriteKpiMinutes(IReadOnlyList<KpiMinute> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            var sequence = NextKpiSequence();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR REPLACE INTO kpi_1m VALUES ($path, $period, $shift, $busy, $running, $down, $setup, $idle, $unknown,
                    $reasons, $starts, $carried, $good, $scrap, $energy, $cycle, $seq)
                """;
            foreach (var minute in minutes)
            {
                command.Parameters.Clear();
                command.Parameters.Add(new DuckDBParameter("path", minute.AssetPath));
                command.Parameters.Add(new DuckDBParameter("period", minute.PeriodStart.UtcDateTime));
                command.Parameters.Add(new DuckDBParameter("shift", (object?)minute.Shift ?? DBNull.Value));
                command.Parameters.Add(new DuckDBParameter("busy", minute.PlannedBusyMs));
                command.Parameters.Add(new DuckDBParameter("running", minute.RunningMs));
                command.Parameters.Add(new DuckDBParameter("down", minute.DownMs));
                command.Parameters.Add(new DuckDBParameter("setup", minute.SetupMs));
                command.Parameters.Add(new DuckDBParameter("idle", minute.IdleMs));
                command.Parameters.Add(new DuckDBParameter("unknown", minute.UnknownMs));
                command.Parameters.Add(new DuckDBParameter("reasons", JsonSerializer.Serialize(
                    minute.DownMsByReason.OrderBy(r => r.Key).ToDictionary(r => r.Key.ToString(CultureInfo.InvariantCulture), r => r.Value))));
                command.Parameters.Add(new DuckDBParameter("starts", minute.DownStarts));
                command.Parameters.Add(new DuckDBParameter("carried", minute.DownCarriedIn));
                command.Parameters.Add(new DuckDBParameter("good", minute.Good));
                command.Parameters.Add(new DuckDBParameter("scrap", minute.Scrap));
                command.Parameters.Add(new DuckDBParameter("energy", minute.EnergyKwh is { } kwh ? kwh : DBNull.Value));
                command.Parameters.Add(new DuckDBParameter("cycle", minute.IdealCycleSeconds));
                command.Parameters.Add(new DuckDBParameter("seq", ++sequence));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            kpiSequence = sequence;
        }
    }

    /// <summary>Stored KPI minutes whose period starts in [<paramref name="from"/>, <paramref name="to"/>), by asset path then period.</summary>
    public IReadOnlyList<KpiMinute> GetKpiMinutes(DateTimeOffset from, DateTimeOffset to)
    {
        lock (gate)
        {
            return ReadKpi("period >= $from AND period < $to ORDER BY asset_path, period", ("from", from.UtcDateTime), ("to", to.UtcDateTime))
                .Select(r => r.Minute).ToList();
        }
    }

    /// <summary>Per asset path, the end of the last KPI minute stored (no minute before it is made again after a restart).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> KpiClosedUntil()
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT asset_path, max(period) FROM kpi_1m GROUP BY asset_path";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[reader.GetString(0)] = Utc(reader.GetDateTime(1)).AddMinutes(1);
            }
        }

        return result;
    }

    /// <summary>
    /// KPI minutes not yet put into the uplink journal (written after the one <see cref="MarkKpiMinutesSent"/>
    /// remembered), in the order they were written, at most <paramref name="limit"/>, each with its write sequence number.
    /// </summary>
    public IReadOnlyList<(long Sequence, KpiMinute Minute)> GetUnsentKpiMinutes(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (gate)
        {
            var after = ReadStateText(StoreSchema.KpiSent) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : -1;
            return ReadKpi($"seq > $after ORDER BY seq LIMIT {limit}", ("after", after));
        }
    }

    /// <summary>Remembers, durably, that KPI minutes up to and including write sequence <paramref name="sequence"/> are in the journal.</summary>
    public void MarkKpiMinutesSent(long sequence)
    {
        lock (gate)
        {
            WriteState(StoreSchema.KpiSent, null, sequence.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Calls <paramref name="each"/> with every sample stamped in [<paramref name="from"/>, <paramref name="to"/>) in the
    /// order the store received them (for a KPI recompute that sees what the live engine saw). Holds the store's lock.
    /// </summary>
    public void ForEachSampleAsReceived(DateTimeOffset from, DateTimeOffset to, Action<TagSample> each)
    {
        ArgumentNullException.ThrowIfNull(each);
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT tag_key, ts, value, quality FROM samples WHERE ts >= $from AND ts < $to ORDER BY rowid";
            command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
            using var reader = command.ExecuteReader();
            var names = new Dictionary<int, string>();
            while (reader.Read())
            {
                var key = reader.GetInt32(0);
                if (!names.TryGetValue(key, out var tag))
                {
                    tag = NameOf(key);
                    names[key] = tag;
                }

                each(new TagSample(tag, Utc(reader.GetDateTime(1)), reader.IsDBNull(2) ? null : reader.GetDouble(2), (TagQuality)reader.GetByte(3)));
            }
        }
    }

    private long NextKpiSequence()
    {
        if (kpiSequence < 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT coalesce(max(seq), 0) FROM kpi_1m";
            var stored = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            var sent = ReadStateText(StoreSchema.KpiSent) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
            kpiSequence = Math.Max(stored, sent); // never below the mark, or rows written after a retention pass would look sent
        }

        return kpiSequence;
    }

    private List<(long Sequence, KpiMinute Minute)> ReadKpi(string where, params (string Name, object Value)[] parameters)
    {
        var result = new List<(long, KpiMinute)>();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT asset_path, period, shift, planned_busy_ms, running_ms, down_ms, setup_ms, idle_ms, unknown_ms,
                   down_ms_by_reason, down_starts, down_carried_in, good, scrap, energy_kwh, ideal_cycle_seconds, seq
            FROM kpi_1m WHERE {where}
            """;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var reasons = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(9)) ?? [];
            result.Add((reader.GetInt64(16), new KpiMinute(
                reader.GetString(0),
                Utc(reader.GetDateTime(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                reasons.ToDictionary(r => int.Parse(r.Key, CultureInfo.InvariantCulture), r => r.Value),
                reader.GetInt32(10),
                reader.GetBoolean(11),
                reader.GetInt64(12),
                reader.GetInt64(13),
                reader.IsDBNull(14) ? null : reader.GetDouble(14),
                reader.GetDouble(15))));
        }

        return result;
    }
}

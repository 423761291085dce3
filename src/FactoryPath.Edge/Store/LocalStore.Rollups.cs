using DuckDB.NET.Data;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Store;

// Minute and hour rollups, computed once per closed period and never recomputed. A minute is closed once it ended
// RollupGrace ago; samples that arrive for a minute already rolled up stay in the samples table but not in its rollup.
public sealed partial class LocalStore
{
    /// <summary>
    /// Rolls up every minute closed at <paramref name="now"/> and not yet rolled up (minutes from the samples, hours
    /// from the minutes). Queued samples are flushed first. A period with no sample of a tag has no row for it.
    /// </summary>
    public async Task<RollupProgress> ComputeRollupsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            var closedUntil = FloorMinute(now - options.RollupGrace);
            var minuteRows = 0;
            var minutesDone = ReadStateTime(StoreSchema.MinutesDone) ?? FirstPeriod("samples", "ts", minute: true);
            if (minutesDone is { } from && from < closedUntil)
            {
                var previous = LastCumulativeValues(from);
                while (from < closedUntil)
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    // skip stretches without samples (the gateway was off) instead of walking them hour by hour
                    if (NextSampleMinute(from) is not { } next || next >= closedUntil)
                    {
                        WriteState(StoreSchema.MinutesDone, closedUntil, null);
                        from = closedUntil;
                        break;
                    }

                    from = next > from ? next : from;
                    var to = Min(from.AddHours(1), closedUntil);
                    using var transaction = connection.BeginTransaction();
                    minuteRows += RollUpMinutes(from, to, previous);
                    WriteState(StoreSchema.MinutesDone, to, null);
                    transaction.Commit();
                    from = to;
                }

                minutesDone = from;
            }

            var hourRows = 0;
            var hoursDone = ReadStateTime(StoreSchema.HoursDone) ?? FirstPeriod("rollup_1m", "period", minute: false);
            if (minutesDone is { } minutesEnd && hoursDone is { } hourFrom && hourFrom < FloorHour(minutesEnd))
            {
                var hourTo = FloorHour(minutesEnd);
                using var transaction = connection.BeginTransaction();
                hourRows = RollUpHours(hourFrom, hourTo);
                WriteState(StoreSchema.HoursDone, hourTo, null);
                transaction.Commit();
                hoursDone = hourTo;
            }

            return new RollupProgress(minuteRows, hourRows, minutesDone, hoursDone);
        }
    }

    private int RollUpMinutes(DateTimeOffset from, DateTimeOffset to, Dictionary<string, double> previous)
    {
        var rows = new List<(string Tag, DateTime Period, Accumulator Acc)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT tag_key, ts, value, quality FROM samples WHERE ts >= $from AND ts < $to ORDER BY tag_key, ts";
            command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
            command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
            using var reader = command.ExecuteReader();
            var currentKey = -1;
            var rowTag = string.Empty;
            var cumulative = false;
            Accumulator? acc = null;
            var period = DateTime.MinValue;
            while (reader.Read())
            {
                var key = reader.GetInt32(0);
                var minute = FloorMinute(reader.GetDateTime(1));
                if (key != currentKey)
                {
                    currentKey = key;
                    rowTag = NameOf(key);
                    cumulative = tags.TryGetValue(rowTag, out var info) && info.IsCumulative;
                    acc = null;
                }

                if (acc is null || minute != period)
                {
                    period = minute;
                    acc = new Accumulator();
                    rows.Add((rowTag, period, acc));
                }

                var good = (TagQuality)reader.GetByte(3) == TagQuality.Good && !reader.IsDBNull(2);
                if (!good)
                {
                    acc.Bad++;
                    continue;
                }

                var value = reader.GetDouble(2);
                acc.Add(value);
                if (cumulative)
                {
                    acc.Increase ??= 0;
                    if (previous.TryGetValue(rowTag, out var before))
                    {
                        acc.Increase += CounterIncrease.Between(before, value);
                    }

                    previous[rowTag] = value;
                }
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        using var appender = connection.CreateAppender("rollup_1m");
        foreach (var (tag, period, acc) in rows)
        {
            var row = appender.CreateRow().AppendValue(tag).AppendValue(period).AppendValue(acc.Count);
            row = acc.Count > 0 ? row.AppendValue(acc.Min).AppendValue(acc.Max).AppendValue(acc.Sum / acc.Count).AppendValue(acc.Last)
                : row.AppendNullValue().AppendNullValue().AppendNullValue().AppendNullValue();
            row = row.AppendValue(acc.Bad);
            row = acc.Increase is { } increase ? row.AppendValue(increase) : row.AppendNullValue();
            row.EndRow();
        }

        return rows.Count;
    }

    private int RollUpHours(DateTimeOffset from, DateTimeOffset to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO rollup_1h
            SELECT tag, date_trunc('hour', period) AS hour, sum(good_count), min(min_value), max(max_value),
                   sum(mean_value * good_count) FILTER (WHERE good_count > 0) / nullif(sum(good_count), 0),
                   arg_max(last_value, period) FILTER (WHERE last_value IS NOT NULL),
                   sum(bad_count), sum(increase)
            FROM rollup_1m WHERE period >= $from AND period < $to GROUP BY tag, hour
            """;
        command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
        command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
        return command.ExecuteNonQuery();
    }

    // the last good value of every cumulative tag before `from`, from the minute rollups (they outlive raw samples)
    private Dictionary<string, double> LastCumulativeValues(DateTimeOffset from)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT tag, arg_max(last_value, period) FROM rollup_1m
            WHERE last_value IS NOT NULL AND period < $from GROUP BY tag
            """;
        command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (tags.TryGetValue(reader.GetString(0), out var info) && info.IsCumulative)
            {
                values[info.TagId] = reader.GetDouble(1);
            }
        }

        return values;
    }

    private DateTimeOffset? NextSampleMinute(DateTimeOffset from)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(ts) FROM samples WHERE ts >= $from";
        command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
        return command.ExecuteScalar() is DateTime at ? FloorMinute(Utc(at)) : null;
    }

    private DateTimeOffset? FirstPeriod(string table, string column, bool minute)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT min({column}) FROM {table}";
        var first = command.ExecuteScalar();
        if (first is not DateTime at)
        {
            return null;
        }

        return minute ? FloorMinute(Utc(at)) : FloorHour(Utc(at));
    }

    internal DateTimeOffset? ReadStateTime(string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_time FROM store_state WHERE key = $key";
        command.Parameters.Add(new DuckDBParameter("key", key));
        return command.ExecuteScalar() is DateTime at ? Utc(at) : null;
    }

    internal string? ReadStateText(string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT note FROM store_state WHERE key = $key";
        command.Parameters.Add(new DuckDBParameter("key", key));
        return command.ExecuteScalar() as string;
    }

    internal void WriteState(string key, DateTimeOffset? at, string? text)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO store_state VALUES ($key, $at, $text)";
        command.Parameters.Add(new DuckDBParameter("key", key));
        command.Parameters.Add(new DuckDBParameter("at", at is { } value ? value.UtcDateTime : DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("text", (object?)text ?? DBNull.Value));
        command.ExecuteNonQuery();
    }

    internal static DateTimeOffset FloorMinute(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    internal static DateTimeOffset FloorHour(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    private static DateTime FloorMinute(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class Accumulator
    {
        public long Count;
        public double Min = double.PositiveInfinity;
        public double Max = double.NegativeInfinity;
        public double Sum;
        public double Last;
        public long Bad;
        public double? Increase;

        public void Add(double value)
        {
            Count++;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
            Sum += value;
            Last = value;
        }
    }
}

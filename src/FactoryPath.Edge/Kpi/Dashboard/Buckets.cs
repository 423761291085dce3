using System.Globalization;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>A dashboard bucket: when it starts (in the factory's time zone) and how it is labelled.</summary>
public readonly record struct BucketKey(DateTimeOffset Start, string Label);

/// <summary>
/// Puts slices into hour, shift, day or week buckets. Hours, days and weeks are those of the factory's time zone; weeks
/// are ISO 8601 weeks (Monday to Sunday, labelled "2026-W48"). A shift bucket is one occurrence of a named shift: the
/// slices of that shift name that follow each other without a break of more than <see cref="ShiftBreak"/>; it starts
/// at its first minute and is labelled with the local date it starts on and the shift's name. Slices outside every
/// shift belong to no shift bucket (they have no planned busy time).
/// </summary>
public static class Buckets
{
    /// <summary>A longer pause between two slices of the same shift name starts a new occurrence of the shift.</summary>
    public static readonly TimeSpan ShiftBreak = TimeSpan.FromMinutes(90);

    public static bool TryParse(string? text, out DashboardBucket bucket)
    {
        bucket = DashboardBucket.Hour;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out bucket) && Enum.IsDefined(bucket);
    }

    /// <summary>The bucket of each slice (null for a slice outside every shift when bucketing by shift).</summary>
    public static IReadOnlyList<(KpiSlice Slice, BucketKey Key)> Assign(IEnumerable<KpiSlice> slices, DashboardBucket bucket, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(zone);
        if (bucket != DashboardBucket.Shift) return slices.Select(s => (s, Of(s.Start, bucket, zone))).ToList();

        var assigned = new List<(KpiSlice, BucketKey)>();
        foreach (var named in slices.Where(s => s.Shift is not null).GroupBy(s => s.Shift!, StringComparer.Ordinal))
        {
            BucketKey? current = null;
            DateTimeOffset last = default;
            foreach (var slice in named.OrderBy(s => s.Start))
            {
                if (current is null || slice.Start - last > ShiftBreak)
                {
                    var local = TimeZoneInfo.ConvertTime(slice.Start, zone);
                    current = new BucketKey(local, $"{local:yyyy-MM-dd} {named.Key}");
                }
                last = slice.Start;
                assigned.Add((slice, current.Value));
            }
        }
        return assigned;
    }

    /// <summary>The hour, day or week bucket of an instant.</summary>
    public static BucketKey Of(DateTimeOffset at, DashboardBucket bucket, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        switch (bucket)
        {
            case DashboardBucket.Hour:
                var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0);
                return new BucketKey(Local(hour, zone, local.Offset), hour.ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture));
            case DashboardBucket.Day:
                return new BucketKey(Local(local.Date, zone, null), local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case DashboardBucket.Week:
                var day = local.Date;
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                return new BucketKey(Local(monday, zone, null),
                    string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}"));
            default:
                throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "shift buckets need the slices around them; use Assign");
        }
    }

    /// <summary>Start of the local day that holds <paramref name="at"/>, as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset at, TimeZoneInfo zone) => Of(at, DashboardBucket.Day, zone).Start;

    private static DateTimeOffset Local(DateTime wall, TimeZoneInfo zone, TimeSpan? known)
    {
        // a wall time skipped by a daylight-saving change does not exist; it starts at the same wall time in the old offset
        var offset = known ?? (zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-1)) : zone.GetUtcOffset(wall));
        return new DateTimeOffset(wall, offset);
    }
}

namespace FactoryPath.Edge.Kpi;

/// <summary>What the calendar says about one minute: its shift (null outside every shift) and its planned busy part.</summary>
internal readonly record struct MinutePlan(string? Shift, long BusyFrom, long BusyTo, long StopFrom, long StopTo)
{
    /// <summary>Milliseconds of [from, to) that are planned busy time.</summary>
    public long BusyWithin(long from, long to)
    {
        var length = Overlap(from, to, BusyFrom, BusyTo);
        return length <= 0 ? 0 : length - Math.Max(0, Overlap(Math.Max(from, BusyFrom), Math.Min(to, BusyTo), StopFrom, StopTo));
    }

    private static long Overlap(long a, long b, long c, long d) => Math.Min(b, d) - Math.Max(a, c);
}

/// <summary>
/// The calendar minute by minute, for the KPI engine: the shift a minute lies in and the part of it that is planned
/// busy time (in the shift, outside the planned stops). Calendar times are whole minutes, so a minute is in one shift
/// or none, and a planned stop covers it wholly or not at all; the plan still clips to the shift and takes out the
/// first planned stop that overlaps the minute, should a time zone offset ever not be whole minutes. Results are
/// cached; not thread-safe (the engine calls it under its lock).
/// </summary>
internal sealed class MinuteCalendar(ShiftCalendar? source)
{
    private readonly Dictionary<long, MinutePlan> cache = [];
    private readonly Dictionary<DateTimeOffset, IReadOnlyList<TimeInterval>> stops = [];

    public ShiftCalendar? Source { get; } = source;

    public MinutePlan Plan(long minuteStart)
    {
        if (cache.TryGetValue(minuteStart, out var plan))
        {
            return plan;
        }

        if (cache.Count >= 100_000)
        {
            cache.Clear();
            stops.Clear();
        }

        plan = Compute(minuteStart);
        cache[minuteStart] = plan;
        return plan;
    }

    private MinutePlan Compute(long minuteStart)
    {
        if (Source?.ShiftAt(DateTimeOffset.FromUnixTimeMilliseconds(minuteStart)) is not { } found)
        {
            return new MinutePlan(null, 0, 0, 0, 0);
        }

        var (shift, interval) = found;
        if (!stops.TryGetValue(interval.Start, out var inShift))
        {
            inShift = Source.PlannedStopsIn(interval);
            stops[interval.Start] = inShift;
        }

        var end = minuteStart + 60_000;
        var busyFrom = Math.Max(minuteStart, interval.Start.ToUnixTimeMilliseconds());
        var busyTo = Math.Min(end, interval.End.ToUnixTimeMilliseconds());
        long stopFrom = 0, stopTo = 0;
        foreach (var stop in inShift)
        {
            var from = stop.Start.ToUnixTimeMilliseconds();
            var to = stop.End.ToUnixTimeMilliseconds();
            if (from < end && to > minuteStart)
            {
                stopFrom = from;
                stopTo = to;
                break;
            }
        }

        return new MinutePlan(shift.Name, busyFrom, busyTo, stopFrom, stopTo);
    }
}

namespace FactoryPath.Edge.Kpi;

/// <summary>
/// The shift's KPIs kept up to date as the machine's activity changes arrive, without keeping its history: each change
/// adds the time since the previous one (less the planned stops) to the element the previous activity belongs to.
/// <see cref="Snapshot"/> gives, at any moment, exactly what <see cref="ShiftKpiCalculator"/> computes from the whole
/// history for the shift so far (a property test checks this on generated histories). Changes must arrive in time
/// order; one older than the last is refused, not silently mis-counted.
/// </summary>
public sealed class ShiftKpiAccumulator
{
    private readonly TimeInterval shift;
    private readonly List<TimeInterval> stops;
    private readonly TimeSpan idealCycleTime;
    private SortedDictionary<int, TimeSpan> byReason = new();
    private DateTimeOffset cursor;
    private DateTimeOffset lastChange = DateTimeOffset.MinValue;
    private ActivityChange? current;
    private bool currentCounted;
    private TimeSpan busy, running, down, setup, idle, unknown;
    private int failures;
    private long good, scrap;
    private double? energy;

    public ShiftKpiAccumulator(TimeInterval shift, IReadOnlyList<TimeInterval> plannedStops, TimeSpan idealCycleTime)
    {
        if (shift.End <= shift.Start)
        {
            throw new ArgumentException($"the shift ends ({shift.End:O}) before it starts ({shift.Start:O})", nameof(shift));
        }

        if (idealCycleTime <= TimeSpan.Zero)
        {
            throw new ArgumentException("the ideal cycle time must be positive", nameof(idealCycleTime));
        }

        this.shift = shift;
        stops = Merge(plannedStops);
        this.idealCycleTime = idealCycleTime;
        cursor = shift.Start;
    }

    /// <summary>The machine's activity from <paramref name="change"/>.At on.</summary>
    public void Observe(ActivityChange change)
    {
        if (change.At < lastChange)
        {
            throw new ArgumentException($"activity change at {change.At:O} is older than the last one ({lastChange:O})", nameof(change));
        }

        Advance(Clamp(change.At));
        lastChange = change.At;
        current = change;
        currentCounted = false;
    }

    /// <summary>Adds produced units (good and scrap) and, when metered, energy used.</summary>
    public void Count(long goodUnits, long scrapUnits, double? energyKwh = null)
    {
        if (goodUnits < 0 || scrapUnits < 0 || energyKwh is < 0 or double.NaN)
        {
            throw new ArgumentException("produced units and energy cannot be negative");
        }

        good += goodUnits;
        scrap += scrapUnits;
        if (energyKwh is { } kwh)
        {
            energy = (energy ?? 0) + kwh;
        }
    }

    /// <summary>The KPIs of the shift from its start to <paramref name="now"/> (clamped to the shift).</summary>
    public ShiftKpis Snapshot(DateTimeOffset now)
    {
        // advance a copy, so a snapshot never changes what the next change will add
        var copy = (ShiftKpiAccumulator)MemberwiseClone();
        copy.byReason = new SortedDictionary<int, TimeSpan>(byReason);
        copy.Advance(Clamp(now));
        return ShiftKpiCalculator.From(copy.busy, copy.running, copy.down, copy.byReason, copy.setup, copy.idle, copy.unknown,
            copy.failures, good, scrap, idealCycleTime * (good + scrap), energy);
    }

    private void Advance(DateTimeOffset to)
    {
        if (to <= cursor)
        {
            return;
        }

        var length = Busy(cursor, to);
        cursor = to;
        if (length <= TimeSpan.Zero)
        {
            return;
        }

        busy += length;
        if (current is not { } activity)
        {
            unknown += length;
            return;
        }

        switch (activity.Activity)
        {
            case MachineActivity.Running:
                running += length;
                break;
            case MachineActivity.Down:
                down += length;
                var reason = activity.DownReason ?? 0;
                byReason[reason] = byReason.GetValueOrDefault(reason) + length;
                if (!currentCounted)
                {
                    failures++;
                    currentCounted = true;
                }

                break;
            case MachineActivity.Changeover:
                setup += length;
                break;
            case MachineActivity.Unknown:
                unknown += length;
                break;
            default:
                idle += length;
                break;
        }
    }

    /// <summary>The part of [from, to) outside every planned stop.</summary>
    private TimeSpan Busy(DateTimeOffset from, DateTimeOffset to)
    {
        var length = to - from;
        foreach (var stop in stops)
        {
            var start = stop.Start > from ? stop.Start : from;
            var end = stop.End < to ? stop.End : to;
            if (end > start)
            {
                length -= end - start;
            }
        }

        return length;
    }

    private DateTimeOffset Clamp(DateTimeOffset at) => at < shift.Start ? shift.Start : at > shift.End ? shift.End : at;

    /// <summary>Planned stops merged where they overlap, so no time is taken out twice.</summary>
    private static List<TimeInterval> Merge(IReadOnlyList<TimeInterval> intervals)
    {
        var merged = new List<TimeInterval>();
        foreach (var next in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && next.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = next.End > merged[^1].End ? next.End : merged[^1].End };
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }
}

namespace FactoryPath.Edge.Kpi;

/// <summary>A shift of the working day, from a local start time to a local end time (an end at or before the start crosses midnight).</summary>
public sealed record ShiftDefinition(string Name, TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);
}

/// <summary>A daily planned stop (a break, a cleaning slot), in local time; like a shift, it may cross midnight.</summary>
public sealed record PlannedStopDefinition(string Name, TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);
}

/// <summary>
/// The factory's shifts and daily planned stops in its time zone: which shift an instant belongs to, and the planned
/// stops inside a shift, as absolute intervals for <see cref="ShiftKpiCalculator"/>. Shifts must not overlap; a
/// night shift runs from its start on one day to its end on the next.
/// </summary>
public sealed class ShiftCalendar
{
    public ShiftCalendar(TimeZoneInfo timeZone, IReadOnlyList<ShiftDefinition> shifts, IReadOnlyList<PlannedStopDefinition> plannedStops)
    {
        TimeZone = timeZone;
        Shifts = shifts;
        PlannedStops = plannedStops;
    }

    public TimeZoneInfo TimeZone { get; }

    public IReadOnlyList<ShiftDefinition> Shifts { get; }

    public IReadOnlyList<PlannedStopDefinition> PlannedStops { get; }

    /// <summary>The shift <paramref name="at"/> falls in, with its absolute interval; null between shifts.</summary>
    public (ShiftDefinition Shift, TimeInterval Interval)? ShiftAt(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZone);
        foreach (var shift in Shifts)
        {
            // the shift that began today, or (for one crossing midnight) yesterday
            foreach (var day in new[] { local.Date, local.Date.AddDays(-1) })
            {
                var interval = Interval(day, shift.Start, shift.Length);
                if (interval.Start <= at && at < interval.End)
                {
                    return (shift, interval);
                }
            }
        }

        return null;
    }

    /// <summary>The planned stops that fall inside <paramref name="shift"/> (clipped to it).</summary>
    public IReadOnlyList<TimeInterval> PlannedStopsIn(TimeInterval shift)
    {
        var result = new List<TimeInterval>();
        var first = TimeZoneInfo.ConvertTime(shift.Start, TimeZone).Date.AddDays(-1);
        for (var day = first; Interval(day, TimeOnly.MinValue, TimeSpan.Zero).Start < shift.End; day = day.AddDays(1))
        {
            foreach (var stop in PlannedStops)
            {
                var interval = Interval(day, stop.Start, stop.Length);
                var start = interval.Start > shift.Start ? interval.Start : shift.Start;
                var end = interval.End < shift.End ? interval.End : shift.End;
                if (end > start)
                {
                    result.Add(new TimeInterval(start, end));
                }
            }
        }

        return result;
    }

    private TimeInterval Interval(DateTime day, TimeOnly start, TimeSpan length)
    {
        var local = day.Date + start.ToTimeSpan();
        var begins = new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
        return new TimeInterval(begins, begins + length);
    }
}

namespace FactoryPath.Edge.Kpi;

/// <summary>
/// Computes <see cref="ShiftKpis"/> from a shift's activity and counts, with the definitions of ISO 22400-2:2014
/// (planned busy time, actual production / down / setup / delay time, availability, effectiveness, quality ratio and
/// OEE index). Each stretch of the shift between two activity changes or planned-stop edges is given to exactly one
/// time element, so the elements always add up to the planned busy time. A shift that crosses midnight is just an
/// interval; nothing here depends on the calendar day.
/// </summary>
public static class ShiftKpiCalculator
{
    public static ShiftKpis Compute(ShiftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Shift.End <= input.Shift.Start)
        {
            throw new ArgumentException($"the shift ends ({input.Shift.End:O}) before it starts ({input.Shift.Start:O})", nameof(input));
        }

        if (input.GoodQuantity < 0 || input.ScrapQuantity < 0)
        {
            throw new ArgumentException("good and scrap quantities cannot be negative", nameof(input));
        }

        if (input.EnergyKwh is < 0 or double.NaN)
        {
            throw new ArgumentException("the energy used cannot be negative", nameof(input));
        }

        if (input.IdealCycleTime <= TimeSpan.Zero)
        {
            throw new ArgumentException("the ideal cycle time must be positive", nameof(input));
        }

        var changes = input.Activity.OrderBy(c => c.At).ToList();
        var edges = new SortedSet<DateTimeOffset> { input.Shift.Start, input.Shift.End };
        foreach (var at in changes.Select(c => c.At).Concat(input.PlannedStops.SelectMany(s => new[] { s.Start, s.End })))
        {
            if (at > input.Shift.Start && at < input.Shift.End)
            {
                edges.Add(at);
            }
        }

        TimeSpan busy = TimeSpan.Zero, running = TimeSpan.Zero, down = TimeSpan.Zero, setup = TimeSpan.Zero, idle = TimeSpan.Zero, unknown = TimeSpan.Zero;
        var byReason = new SortedDictionary<int, TimeSpan>();
        var failures = new HashSet<int>();
        var points = edges.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            if (input.PlannedStops.Any(s => s.Start <= from && to <= s.End))
            {
                continue;
            }

            var length = to - from;
            busy += length;
            // the activity in force over [from, to): the last change at or before from
            var index = changes.FindLastIndex(c => c.At <= from);
            var current = index < 0 ? default : changes[index];
            if (index < 0)
            {
                unknown += length;
                continue;
            }

            switch (current.Activity)
            {
                case MachineActivity.Running:
                    running += length;
                    break;
                case MachineActivity.Down:
                    down += length;
                    failures.Add(index);
                    var reason = current.DownReason ?? 0;
                    byReason[reason] = byReason.GetValueOrDefault(reason) + length;
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

        return From(busy, running, down, byReason, setup, idle, unknown, failures.Count, input.GoodQuantity, input.ScrapQuantity,
            input.IdealCycleTime * (input.GoodQuantity + input.ScrapQuantity), input.EnergyKwh);
    }

    /// <summary>
    /// The KPIs from the time elements and the counts (shared by the batch and the streaming calculation, and by
    /// <see cref="KpiTotals"/> for periods and groups of machines). <paramref name="idealProductionTime"/> is the ideal
    /// cycle time × produced quantity, summed over the machines (and periods) taken together.
    /// </summary>
    internal static ShiftKpis From(
        TimeSpan busy, TimeSpan running, TimeSpan down, IReadOnlyDictionary<int, TimeSpan> byReason, TimeSpan setup, TimeSpan idle, TimeSpan unknown,
        int failures, long good, long scrap, TimeSpan idealProductionTime, double? energyKwh)
    {
        var produced = good + scrap;
        double? availability = busy > TimeSpan.Zero ? running / busy : null;
        double? effectiveness = running > TimeSpan.Zero ? idealProductionTime / running : null;
        double? quality = produced > 0 ? (double)good / produced : null;
        double? oee = busy <= TimeSpan.Zero ? null
            : running <= TimeSpan.Zero ? 0
            : availability * effectiveness * (quality ?? 0);
        return new ShiftKpis(busy, running, down, byReason, setup, idle, unknown, produced, availability, effectiveness, quality, oee, failures)
        {
            EnergyPerGoodUnit = energyKwh is { } energy && good > 0 ? energy / good : null,
        };
    }
}

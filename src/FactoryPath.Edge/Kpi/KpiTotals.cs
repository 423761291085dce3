using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi;

/// <summary>
/// Sums <see cref="KpiMinute"/>s into the KPIs of a period and a group of machines, with the same formulas as a
/// shift's (<see cref="ShiftKpiCalculator"/>): ratios are taken from the summed time elements and quantities (ISO
/// 22400-2 aggregates elements, never averages ratios), and the ideal production time is summed per machine, so
/// machines with different cycle times can be taken together.
/// <para>
/// Add one machine's minutes in time order; failures count each minute's new down periods plus the down period
/// carried into the first minute with busy time. To total several machines, total each one and <see cref="Add(KpiTotals)"/>
/// the totals.
/// </para>
/// </summary>
public sealed class KpiTotals
{
    private readonly SortedDictionary<int, long> downByReason = new();
    private bool sawBusy;

    public long PlannedBusyMs { get; private set; }

    public long RunningMs { get; private set; }

    public long DownMs { get; private set; }

    public long SetupMs { get; private set; }

    public long IdleMs { get; private set; }

    public long UnknownMs { get; private set; }

    public int Failures { get; private set; }

    public long Good { get; private set; }

    public long Scrap { get; private set; }

    /// <summary>Σ ideal cycle time × produced units, in seconds.</summary>
    public double IdealProductionSeconds { get; private set; }

    /// <summary>Energy of the minutes that had a meter; null when none had.</summary>
    public double? EnergyKwh { get; private set; }

    public IReadOnlyDictionary<int, long> DownMsByReason => downByReason;

    /// <summary>Adds one minute of one machine; a machine's minutes must be added in time order.</summary>
    public KpiTotals Add(KpiMinute minute)
    {
        ArgumentNullException.ThrowIfNull(minute);
        if (minute.PlannedBusyMs > 0 && !sawBusy)
        {
            sawBusy = true;
            Failures += minute.DownCarriedIn ? 1 : 0;
        }

        Failures += minute.DownStarts;
        PlannedBusyMs += minute.PlannedBusyMs;
        RunningMs += minute.RunningMs;
        DownMs += minute.DownMs;
        SetupMs += minute.SetupMs;
        IdleMs += minute.IdleMs;
        UnknownMs += minute.UnknownMs;
        foreach (var (reason, ms) in minute.DownMsByReason)
        {
            downByReason[reason] = downByReason.GetValueOrDefault(reason) + ms;
        }

        Good += minute.Good;
        Scrap += minute.Scrap;
        IdealProductionSeconds += minute.IdealCycleSeconds * (minute.Good + minute.Scrap);
        if (minute.EnergyKwh is { } kwh)
        {
            EnergyKwh = (EnergyKwh ?? 0) + kwh;
        }

        return this;
    }

    /// <summary>Adds another machine's (or group's) totals, e.g. the machines of a line.</summary>
    public KpiTotals Add(KpiTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        sawBusy |= other.sawBusy;
        Failures += other.Failures;
        PlannedBusyMs += other.PlannedBusyMs;
        RunningMs += other.RunningMs;
        DownMs += other.DownMs;
        SetupMs += other.SetupMs;
        IdleMs += other.IdleMs;
        UnknownMs += other.UnknownMs;
        foreach (var (reason, ms) in other.downByReason)
        {
            downByReason[reason] = downByReason.GetValueOrDefault(reason) + ms;
        }

        Good += other.Good;
        Scrap += other.Scrap;
        IdealProductionSeconds += other.IdealProductionSeconds;
        if (other.EnergyKwh is { } kwh)
        {
            EnergyKwh = (EnergyKwh ?? 0) + kwh;
        }

        return this;
    }

    /// <summary>The KPIs of everything added.</summary>
    public ShiftKpis ToKpis() => ShiftKpiCalculator.From(
        TimeSpan.FromMilliseconds(PlannedBusyMs),
        TimeSpan.FromMilliseconds(RunningMs),
        TimeSpan.FromMilliseconds(DownMs),
        downByReason.ToDictionary(r => r.Key, r => TimeSpan.FromMilliseconds(r.Value)),
        TimeSpan.FromMilliseconds(SetupMs),
        TimeSpan.FromMilliseconds(IdleMs),
        TimeSpan.FromMilliseconds(UnknownMs),
        Failures,
        Good,
        Scrap,
        TimeSpan.FromSeconds(IdealProductionSeconds),
        EnergyKwh);

    /// <summary>The totals of many minutes of many machines: each machine's minutes in time order, then summed.</summary>
    public static KpiTotals Of(IEnumerable<KpiMinute> minutes)
    {
        var total = new KpiTotals();
        foreach (var machine in minutes.GroupBy(m => m.AssetPath, StringComparer.Ordinal))
        {
            var one = new KpiTotals();
            foreach (var minute in machine.OrderBy(m => m.PeriodStart))
            {
                one.Add(minute);
            }

            total.Add(one);
        }

        return total;
    }
}

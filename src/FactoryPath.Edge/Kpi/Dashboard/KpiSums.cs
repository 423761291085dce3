using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>
/// The summed time elements, quantities and energy of some minutes of some machines: what a dashboard cell holds. A
/// database sums these columns in SQL; the gateway sums its minutes with <see cref="KpiTotals"/>. Either way the KPIs
/// come from the sums with the shift formulas (<see cref="ToKpis"/>), never from averaged ratios (ISO 22400-2).
/// </summary>
public sealed record KpiSums(
    long PlannedBusyMs,
    long RunningMs,
    long DownMs,
    long SetupMs,
    long IdleMs,
    long UnknownMs,
    long Good,
    long Scrap,
    double IdealProductionSeconds,
    double? EnergyKwh)
{
    public static KpiSums Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    public KpiSums Plus(KpiSums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            PlannedBusyMs + other.PlannedBusyMs, RunningMs + other.RunningMs, DownMs + other.DownMs, SetupMs + other.SetupMs,
            IdleMs + other.IdleMs, UnknownMs + other.UnknownMs, Good + other.Good, Scrap + other.Scrap,
            IdealProductionSeconds + other.IdealProductionSeconds,
            EnergyKwh is null && other.EnergyKwh is null ? null : (EnergyKwh ?? 0) + (other.EnergyKwh ?? 0));
    }

    public static KpiSums Of(KpiTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return new(totals.PlannedBusyMs, totals.RunningMs, totals.DownMs, totals.SetupMs, totals.IdleMs, totals.UnknownMs,
            totals.Good, totals.Scrap, totals.IdealProductionSeconds, totals.EnergyKwh);
    }

    public static KpiSums Of(KpiMinute minute) => Of(new KpiTotals().Add(minute));

    /// <summary>The KPIs of the sums (failures are not part of a dashboard cell, so they read 0).</summary>
    public ShiftKpis ToKpis() => ShiftKpiCalculator.From(
        TimeSpan.FromMilliseconds(PlannedBusyMs), TimeSpan.FromMilliseconds(RunningMs), TimeSpan.FromMilliseconds(DownMs),
        new Dictionary<int, TimeSpan>(), TimeSpan.FromMilliseconds(SetupMs), TimeSpan.FromMilliseconds(IdleMs),
        TimeSpan.FromMilliseconds(UnknownMs), 0, Good, Scrap, TimeSpan.FromSeconds(IdealProductionSeconds), EnergyKwh);
}

/// <summary>The figures a dashboard shows for one cell (a bucket, a group, or both).</summary>
public sealed record KpiFigures(
    double? Oee,
    double? Availability,
    double? Effectiveness,
    double? Quality,
    double? EnergyPerGoodUnit,
    long Good,
    long Scrap,
    double? EnergyKwh,
    long PlannedBusyMs,
    long RunningMs,
    long DownMs)
{
    public static KpiFigures From(KpiSums sums)
    {
        ArgumentNullException.ThrowIfNull(sums);
        var kpis = sums.ToKpis();
        return new(kpis.Oee, kpis.Availability, kpis.Effectiveness, kpis.QualityRatio, kpis.EnergyPerGoodUnit, sums.Good, sums.Scrap,
            sums.EnergyKwh, sums.PlannedBusyMs, sums.RunningMs, sums.DownMs);
    }
}

namespace FactoryPath.Edge.Uplink.Contracts;

/// <summary>KPI minutes of the gateway's machines, sent as they close (see <see cref="KpiMinute"/>).</summary>
public sealed record KpiBatch(IReadOnlyList<KpiMinute> Items);

/// <summary>
/// One machine over one minute [PeriodStart, PeriodStart + 1 min): the ISO 22400-2 time elements in milliseconds, the
/// quantities and the energy of that minute. Any period's KPIs (a shift, a day, a week; a line, a site) are sums of
/// these, so the gateway's page and the platform's dashboards compute them the same way (<see cref="Kpi.KpiTotals"/>).
/// The platform stores a minute by (gateway, asset path, period start), so a minute sent again replaces itself.
/// </summary>
/// <param name="AssetPath">The equipment's ISA-95 path (enterprise/site/area/line/equipment).</param>
/// <param name="PeriodStart">The minute's start, UTC, on a whole minute.</param>
/// <param name="Shift">The name of the calendar shift the minute lies in; null outside every shift (then nothing is planned busy time).</param>
/// <param name="PlannedBusyMs">PBT in the minute: in a shift and outside the planned stops.</param>
/// <param name="RunningMs">APT: running, within PBT.</param>
/// <param name="DownMs">ADOT: down, within PBT.</param>
/// <param name="SetupMs">AUST: changeover, within PBT.</param>
/// <param name="IdleMs">ADET: idle, within PBT.</param>
/// <param name="UnknownMs">No usable state report (not yet reported, unknown code, bad quality, a gap), within PBT.</param>
/// <param name="DownMsByReason">DownMs split by down-time reason code (0 where no reason was reported).</param>
/// <param name="DownStarts">Down periods first seen in planned busy time in this minute (each down report is one period).</param>
/// <param name="DownCarriedIn">
/// The machine was down at this minute's first planned-busy moment in a down period already counted in an earlier
/// minute. Failures over a range of minutes = Σ DownStarts + DownCarriedIn of the range's first minute with busy time,
/// which is how <see cref="Kpi.ShiftKpiCalculator"/> counts failures over a shift.
/// </param>
/// <param name="Good">Good units counted in the minute (resets and rollovers taken out).</param>
/// <param name="Scrap">Scrap units counted in the minute.</param>
/// <param name="EnergyKwh">Energy used in the minute when the machine has an energy meter.</param>
/// <param name="IdealCycleSeconds">The machine's ideal cycle time per unit, as configured for it at the time.</param>
public sealed record KpiMinute(
    string AssetPath,
    DateTimeOffset PeriodStart,
    string? Shift,
    long PlannedBusyMs,
    long RunningMs,
    long DownMs,
    long SetupMs,
    long IdleMs,
    long UnknownMs,
    IReadOnlyDictionary<int, long> DownMsByReason,
    int DownStarts,
    bool DownCarriedIn,
    long Good,
    long Scrap,
    double? EnergyKwh,
    double IdealCycleSeconds);

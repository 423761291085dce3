namespace FactoryPath.Edge.Kpi;

/// <summary>
/// What a machine is doing, as the state tag reports it (the simulator's codes: 1 running, 2 idle, 3 down, 4
/// changeover). <see cref="Unknown"/> is no usable report: a state code the gateway does not know, bad quality, or a gap
/// in the data; its time is in the planned busy time and in no other element.
/// </summary>
public enum MachineActivity
{
    Unknown = 0,
    Running = 1,
    Idle = 2,
    Down = 3,
    Changeover = 4,
}

/// <summary>From <see cref="At"/> on, the machine is in <see cref="Activity"/> (with a down-time reason code while down).</summary>
public readonly record struct ActivityChange(DateTimeOffset At, MachineActivity Activity, int? DownReason = null);

/// <summary>A half-open time interval [Start, End).</summary>
public readonly record struct TimeInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.Zero;
}

/// <summary>
/// One machine over one shift: the shift, its planned stops (breaks, planned maintenance), the machine's activity
/// changes (the last change at or before the shift start says what it was doing then), the quantities produced in the
/// shift and the ideal (planned) cycle time per unit.
/// </summary>
public sealed record ShiftInput(
    TimeInterval Shift,
    IReadOnlyList<TimeInterval> PlannedStops,
    IReadOnlyList<ActivityChange> Activity,
    long GoodQuantity,
    long ScrapQuantity,
    TimeSpan IdealCycleTime)
{
    /// <summary>Energy used in the shift (kWh), when the machine has an energy meter; gives energy per good unit.</summary>
    public double? EnergyKwh { get; init; }
}

/// <summary>
/// The ISO 22400-2:2014 time elements and KPIs of one machine over one shift. Times are inside the planned busy time
/// only. A ratio is null where its denominator is zero (no planned busy time, no production time, nothing produced).
/// </summary>
/// <param name="PlannedBusyTime">PBT: the shift minus the planned stops.</param>
/// <param name="ProductionTime">APT, actual production time: running.</param>
/// <param name="DownTime">ADOT, actual unit down time: down, for any reason.</param>
/// <param name="DownTimeByReason">ADOT split by the down-time reason code (0 where no reason was reported).</param>
/// <param name="SetupTime">AUST, actual unit setup time: changeover.</param>
/// <param name="DelayTime">ADET, actual unit delay time: idle (waiting, no order, no operator).</param>
/// <param name="UnknownTime">Time with no known activity (before the first report, or reported <see cref="MachineActivity.Unknown"/>): in PBT, in no other element.</param>
/// <param name="Availability">APT / PBT.</param>
/// <param name="Effectiveness">Ideal cycle time × produced quantity / APT (ISO 22400's effectiveness, "performance" in OEE).</param>
/// <param name="QualityRatio">Good quantity / produced quantity.</param>
/// <param name="Oee">Availability × effectiveness × quality ratio; 0 when there was planned busy time but no production.</param>
/// <param name="Failures">Down periods that overlap the planned busy time (one that began before the shift counts once).</param>
public sealed record ShiftKpis(
    TimeSpan PlannedBusyTime,
    TimeSpan ProductionTime,
    TimeSpan DownTime,
    IReadOnlyDictionary<int, TimeSpan> DownTimeByReason,
    TimeSpan SetupTime,
    TimeSpan DelayTime,
    TimeSpan UnknownTime,
    long ProducedQuantity,
    double? Availability,
    double? Effectiveness,
    double? QualityRatio,
    double? Oee,
    int Failures)
{
    /// <summary>Produced units per hour of production time (ISO 22400-2 throughput rate: PQ / APT).</summary>
    public double? ThroughputPerHour => ProductionTime > TimeSpan.Zero ? ProducedQuantity / ProductionTime.TotalHours : null;

    /// <summary>Mean operating time between failures: APT / failures.</summary>
    public TimeSpan? MeanTimeBetweenFailures => Failures > 0 ? ProductionTime / Failures : null;

    /// <summary>Mean time to repair: ADOT / failures.</summary>
    public TimeSpan? MeanTimeToRepair => Failures > 0 ? DownTime / Failures : null;

    /// <summary>Energy per good unit (kWh/unit), when the energy is known and something good was made.</summary>
    public double? EnergyPerGoodUnit { get; init; }

    /// <summary>Down time by reason, longest first (the downtime Pareto); ties by reason code.</summary>
    public IReadOnlyList<KeyValuePair<int, TimeSpan>> DownTimePareto =>
        DownTimeByReason.OrderByDescending(r => r.Value).ThenBy(r => r.Key).ToList();
}

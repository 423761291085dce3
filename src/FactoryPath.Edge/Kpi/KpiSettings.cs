namespace FactoryPath.Edge.Kpi;

/// <summary>
/// How the gateway turns machine samples into KPI minutes (the <c>kpi</c> section of its file): which state code
/// means which activity, how long a machine may stay silent before its activity counts as unknown, and how far a
/// device's clock may be from the gateway's.
/// </summary>
/// <param name="States">State code → activity; a code not listed makes the machine's activity Unknown.</param>
/// <param name="StateGap">
/// After this long without any sample of a machine's KPI tags, its activity is Unknown (from the last sample plus this
/// gap) and its counters take a new baseline. Must be longer than the longest time a source stays quiet about a steady
/// machine (a Modbus device republishes every tag at least once a minute).
/// </param>
/// <param name="MaxClockSkew">
/// A sample stamped more than this ahead of the gateway's clock is refused; a machine's minutes are closed this long
/// after they end, so a sample stamped up to this much behind the gateway's clock still counts.
/// </param>
public sealed record KpiSettings(IReadOnlyDictionary<int, MachineActivity> States, TimeSpan StateGap, TimeSpan MaxClockSkew)
{
    /// <summary>The simulator's codes (1 running, 2 idle, 3 down, 4 changeover), a 3-minute gap and 30 s of skew.</summary>
    public static readonly KpiSettings Default = new(
        new Dictionary<int, MachineActivity>
        {
            [1] = MachineActivity.Running,
            [2] = MachineActivity.Idle,
            [3] = MachineActivity.Down,
            [4] = MachineActivity.Changeover,
        },
        TimeSpan.FromMinutes(3),
        TimeSpan.FromSeconds(30));

    /// <summary>The activity a state value means: Unknown for a code not listed or a value that is not a whole number.</summary>
    public MachineActivity ActivityOf(double value) =>
        value is >= int.MinValue and <= int.MaxValue && value == Math.Floor(value) && States.TryGetValue((int)value, out var activity)
            ? activity
            : MachineActivity.Unknown;
}

namespace FactoryPath.Edge.Simulation;

/// <summary>
/// What one machine shows at one instant of simulated time; the register map encodes these into registers.
/// <see cref="Extra"/> is the type's own measurement (injection pressure, spindle speed, outlet pressure, frequency).
/// </summary>
public sealed record MachineValues
{
    public MachineState State { get; init; } = MachineState.Running;
    public ushort DownReason { get; init; }
    public uint GoodCount { get; init; }
    public uint ScrapCount { get; init; }
    public double LastCycleSeconds { get; init; }
    public double PowerKw { get; init; }
    public double EnergyKwh { get; init; }
    public double TemperatureC { get; init; }
    public double Extra { get; init; }
    public double VoltageV { get; init; }
    public double CurrentA { get; init; }
    public double PowerFactor { get; init; }
    public AlarmFlags Alarms { get; init; }
}

/// <summary>Alarm flags: bits of the alarm word (offset 14), and the coils / discrete inputs at base address + bit.</summary>
[Flags]
public enum AlarmFlags : ushort
{
    None = 0,

    /// <summary>The machine is down (any reason).</summary>
    Down = 1 << 0,

    /// <summary>The temperature is above the machine's alarm limit.</summary>
    OverTemperature = 1 << 1,

    /// <summary>The last part was scrap.</summary>
    Quality = 1 << 2,
}

namespace FactoryPath.Edge.Simulation.Scenario;

/// <summary>A validated scenario: the machines, their behaviour, the seed and the scripted events.</summary>
public sealed record SimulationScenario
{
    /// <summary>Seed of every random draw; the same seed and the same ticks give the same registers.</summary>
    public required int Seed { get; init; }

    /// <summary>Simulated seconds per real second when hosted in real time.</summary>
    public double Acceleration { get; init; } = 1;

    /// <summary>Step of the simulated clock; <see cref="MachineSimulation.Step"/> advances in whole ticks.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(100);

    public required IReadOnlyList<MachineSpec> Machines { get; init; }

    public IReadOnlyList<ScriptedEvent> Events { get; init; } = [];

    /// <summary>Where the scenario was read from (file path or resource name), for messages.</summary>
    public string Source { get; init; } = "";
}

/// <summary>One machine of a scenario. Times are simulated; null means "never" (no failures, no idle, no changeover).</summary>
public sealed record MachineSpec
{
    public required string Id { get; init; }
    public required MachineType Type { get; init; }
    public required byte UnitId { get; init; }

    /// <summary>First register (and coil) of the machine's block.</summary>
    public int BaseAddress { get; init; }

    /// <summary>Nominal cycle time (part makers only).</summary>
    public double CycleSeconds { get; init; }

    /// <summary>Each cycle lasts nominal × (1 ± up to this fraction).</summary>
    public double CycleJitter { get; init; } = 0.05;

    /// <summary>Mean running time between failures.</summary>
    public double? MtbfMinutes { get; init; }

    /// <summary>Mean time to repair.</summary>
    public double MttrMinutes { get; init; } = 10;

    /// <summary>Probability that a finished part is scrap.</summary>
    public double ScrapRate { get; init; }

    /// <summary>Mean running time between idle spells.</summary>
    public double? IdleEveryMinutes { get; init; }

    /// <summary>Mean length of an idle spell.</summary>
    public double IdleMinutes { get; init; } = 5;

    /// <summary>Parts between changeovers.</summary>
    public int? ChangeoverEveryParts { get; init; }

    /// <summary>Length of a changeover.</summary>
    public double ChangeoverMinutes { get; init; } = 20;

    public required PowerProfile Power { get; init; }
    public required TemperatureProfile Temperature { get; init; }

    /// <summary>Weights of the reasons drawn for random failures.</summary>
    public required IReadOnlyDictionary<ushort, double> DownReasonWeights { get; init; }

    /// <summary>Counter and energy values at time 0 (puts a rollover within reach of a short run).</summary>
    public StartValues Start { get; init; } = new(0, 0, 0);

    /// <summary>Energy meters only: ids of the machines whose power the meter adds to its own base load.</summary>
    public IReadOnlyList<string> Measures { get; init; } = [];
}

/// <summary>Power drawn in each state; for an energy meter <see cref="RunningKw"/> is the base load of the feeder.</summary>
public sealed record PowerProfile(double RunningKw, double IdleKw, double DownKw, double ChangeoverKw);

/// <summary>Temperature each state tends to, and the limit above which the over-temperature alarm is set.</summary>
public sealed record TemperatureProfile(double RunningC, double IdleC, double DownC, double AlarmC);

public sealed record StartValues(uint GoodCount, uint ScrapCount, double EnergyKwh);

/// <summary>At <see cref="At"/>, machine <see cref="MachineId"/> enters <see cref="State"/> for <see cref="Duration"/>, then runs.</summary>
public sealed record ScriptedEvent(TimeSpan At, string MachineId, MachineState State, ushort Reason, TimeSpan Duration);

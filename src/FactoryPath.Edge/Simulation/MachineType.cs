namespace FactoryPath.Edge.Simulation;

/// <summary>The simulated machine types; the value is the type code register (offset 15) of every machine.</summary>
public enum MachineType : ushort
{
    InjectionMoulding = 1,
    Cnc = 2,
    AirCompressor = 3,
    EnergyMeter = 4,
}

/// <summary>State codes of the state register (offset 0).</summary>
public enum MachineState : ushort
{
    Running = 1,
    Idle = 2,
    Down = 3,
    Changeover = 4,
}

/// <summary>Down-reason codes of the reason register (offset 1); 0 while the machine is not down.</summary>
public static class DownReasons
{
    public const ushort None = 0;
    public const ushort MaterialShortage = 1;
    public const ushort MouldOrToolChangeFault = 2;
    public const ushort Breakdown = 3;
    public const ushort QualityStop = 4;
    public const ushort UtilityFailure = 5;

    /// <summary>Every defined reason with its English name (the register map README lists the same).</summary>
    public static IReadOnlyDictionary<ushort, string> Names { get; } = new Dictionary<ushort, string>
    {
        [MaterialShortage] = "material shortage",
        [MouldOrToolChangeFault] = "mould/tool change fault",
        [Breakdown] = "breakdown",
        [QualityStop] = "quality stop",
        [UtilityFailure] = "utility failure (power, air, water)",
    };
}

/// <summary>The scenario-file spelling of machine types.</summary>
public static class MachineTypeNames
{
    private static readonly Dictionary<string, MachineType> ByName = new(StringComparer.Ordinal)
    {
        ["injection_moulding"] = MachineType.InjectionMoulding,
        ["cnc"] = MachineType.Cnc,
        ["air_compressor"] = MachineType.AirCompressor,
        ["energy_meter"] = MachineType.EnergyMeter,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out MachineType type) => ByName.TryGetValue(name, out type);

    public static string Name(this MachineType type) => ByName.First(p => p.Value == type).Key;

    /// <summary>Whether the type makes parts (has good/scrap counters and a cycle time).</summary>
    public static bool MakesParts(this MachineType type) => type is MachineType.InjectionMoulding or MachineType.Cnc;
}

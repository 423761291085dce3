namespace FactoryPath.Edge.Simulation.Scenario;

/// <summary>Typical figures per machine type, used where a scenario leaves a value out.</summary>
internal static class MachineDefaults
{
    public static PowerProfile Power(MachineType type) => type switch
    {
        MachineType.InjectionMoulding => new(45, 12, 3, 8),
        MachineType.Cnc => new(18, 4, 1, 3),
        MachineType.AirCompressor => new(37, 11, 0.5, 11),
        _ => new(5, 5, 0, 5),
    };

    public static TemperatureProfile Temperature(MachineType type) => type switch
    {
        MachineType.InjectionMoulding => new(220, 190, 60, 235),
        MachineType.Cnc => new(42, 32, 25, 60),
        MachineType.AirCompressor => new(85, 70, 30, 100),
        _ => new(35, 35, 30, 70),
    };

    public static IReadOnlyDictionary<ushort, double> DownReasonWeights(MachineType type) => type.MakesParts()
        ? new Dictionary<ushort, double>
        {
            [DownReasons.MaterialShortage] = 0.15,
            [DownReasons.MouldOrToolChangeFault] = 0.25,
            [DownReasons.Breakdown] = 0.45,
            [DownReasons.QualityStop] = 0.15,
        }
        : new Dictionary<ushort, double> { [DownReasons.Breakdown] = 0.8, [DownReasons.UtilityFailure] = 0.2 };
}

using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>Every target, by its command-line name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new ModbusFrameTarget(),
        new SparkplugPayloadTarget(),
        new GatewayYamlTarget(),
        new SimulatorYamlTarget(),
        new ModelYamlTarget(),
        new ScenarioLibraryYamlTarget(),
        new TierYamlTarget(),
        new CsvTableTarget(),
        new XlsxTableTarget(),
        new PoolImportRowsTarget(),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}

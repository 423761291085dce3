using FactoryPath.Edge.Simulation.Scenario;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Machine-simulator scenario files through <see cref="ScenarioLoader.Parse"/>. Promise: a scenario, or a
/// <see cref="ScenarioException"/> listing at least one error with a message.
/// </summary>
public sealed class SimulatorYamlTarget : TextTarget
{
    public override string Name => "simulator-yaml";

    public override string Description => "machine simulator scenario YAML (ScenarioLoader)";

    public override string Extension => ".yaml";

    public override int ShortCampaignInputs => 2_000;

    protected override IReadOnlyList<string> Tokens => YamlTokens;

    public override Verdict Run(byte[] input)
    {
        try
        {
            ScenarioLoader.Parse(Decode(input), "scenario.yaml");
            return Verdict.Accepted;
        }
        catch (ScenarioException e)
        {
            Promise.Require(e.Errors.Count > 0 && e.Errors.All(error => !string.IsNullOrWhiteSpace(error.Message)), "a refused scenario lists its errors");
            return Verdict.Rejected;
        }
    }
}

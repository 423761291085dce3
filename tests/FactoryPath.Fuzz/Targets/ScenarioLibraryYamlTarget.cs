using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// The typical-scenario library through <see cref="ScenarioLibraryLoader.LoadText"/>, checked against the shipped
/// models. Promise: never throws; a library and no errors, or no library and errors with messages.
/// </summary>
public sealed class ScenarioLibraryYamlTarget : TextTarget
{
    private static readonly Lazy<ModelRegistry> Models = new(ShippedModels.Load);

    public override string Name => "scenario-yaml";

    public override string Description => "typical-scenario library YAML (ScenarioLibraryLoader)";

    public override string Extension => ".yaml";

    public override int ShortCampaignInputs => 250;

    protected override IReadOnlyList<string> Tokens => YamlTokens;

    public override Verdict Run(byte[] input)
    {
        var result = ScenarioLibraryLoader.LoadText(Decode(input), "typical-scenarios.yaml", Models.Value);
        return LoadResults.Check(result.Library, result.Errors);
    }
}

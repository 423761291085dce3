using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// The demonstration-tier file through <see cref="DemonstrationTierLoader.LoadText"/>, checked against the shipped
/// models. Promise: never throws; a catalog and no errors, or no catalog and errors with messages.
/// </summary>
public sealed class TierYamlTarget : TextTarget
{
    private static readonly Lazy<ModelRegistry> Models = new(ShippedModels.Load);

    public override string Name => "tier-yaml";

    public override string Description => "demonstration tier YAML (DemonstrationTierLoader)";

    public override string Extension => ".yaml";

    public override int ShortCampaignInputs => 1_500;

    protected override IReadOnlyList<string> Tokens => YamlTokens;

    public override Verdict Run(byte[] input)
    {
        var result = DemonstrationTierLoader.LoadText(Decode(input), "demonstration-tiers.yaml", Models.Value);
        return LoadResults.Check(result.Catalog, result.Errors);
    }
}

/// <summary>The models shipped in the repository's models folder (the model-yaml corpus holds the same files).</summary>
internal static class ShippedModels
{
    public static ModelRegistry Load()
    {
        var loaded = ModelRegistry.LoadDirectory(FuzzFolders.Corpus("model-yaml"));
        if (loaded.Errors.Count > 0) throw new InvalidOperationException($"the model corpus does not load: {string.Join("; ", loaded.Errors)}");
        return loaded.Registry;
    }
}

using FactoryPath.Core.Assessment;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Assessment model files through <see cref="ModelLoader.LoadText"/> (the reader <see cref="ModelRegistry.LoadDirectory"/>
/// uses for each file). Promise: never throws; a model and no errors, or no model and at least one error with a message.
/// </summary>
public sealed class ModelYamlTarget : TextTarget
{
    public override string Name => "model-yaml";

    public override string Description => "assessment model YAML (ModelLoader)";

    public override string Extension => ".yaml";

    public override int ShortCampaignInputs => 250;

    protected override IReadOnlyList<string> Tokens => YamlTokens;

    public override Verdict Run(byte[] input)
    {
        var result = ModelLoader.LoadText(Decode(input), "model.yaml");
        return LoadResults.Check(result.Model, result.Errors);
    }
}

/// <summary>The promise of the platform's YAML loaders that return a value or errors: exactly one of them, errors with messages.</summary>
internal static class LoadResults
{
    public static Verdict Check(object? value, IReadOnlyList<ModelError> errors)
    {
        if (value is not null && errors.Count == 0) return Verdict.Accepted;
        if (value is null && errors.Count > 0 && errors.All(e => !string.IsNullOrWhiteSpace(e.Message))) return Verdict.Rejected;
        throw new PropertyViolationException($"a load result holds a value ({value is not null}) and {errors.Count} error(s)");
    }
}

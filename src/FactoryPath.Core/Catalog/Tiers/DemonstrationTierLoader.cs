using FactoryPath.Core.Assessment;
using FactoryPath.Core.Eligibility;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Catalog.Tiers;

/// <summary>
/// Loads and checks the demonstration tier file: every problem is reported with its line and column, and the rules are
/// checked with <see cref="EligibilityRules.Validate"/> against the installed models when they are given (a model that is
/// not installed is accepted only with <c>allowMissingModels</c>: its rules then cannot be met).
/// </summary>
public static class DemonstrationTierLoader
{
    private static readonly string[] RuleKeys = ["kind", "any-of", "model", "level", "question", "percent", "days", "label", "judgement"];

    public static DemonstrationTierLoadResult LoadEmbedded(ModelRegistry? models, bool allowMissingModels = false)
    {
        using var stream = typeof(DemonstrationTierCatalog).Assembly.GetManifestResourceStream(DemonstrationTierCatalog.EmbeddedResource)
            ?? throw new InvalidOperationException($"Embedded resource '{DemonstrationTierCatalog.EmbeddedResource}' is missing from {typeof(DemonstrationTierCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return LoadText(reader.ReadToEnd(), "demonstration-tiers.yaml", models, allowMissingModels);
    }

    /// <summary>Reads tiers from YAML text; <paramref name="fileName"/> names the file in errors. The catalog is null on any error.</summary>
    public static DemonstrationTierLoadResult LoadText(string yamlText, string fileName, ModelRegistry? models, bool allowMissingModels = false)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        if (YamlReader.Load(yamlText, fileName, out var syntax) is not { } stream) return Failed(syntax!);

        if (stream.Documents.Count != 1)
            return Failed(new ModelError(fileName, 1, 1, $"the tier file holds exactly one YAML document; this one has {stream.Documents.Count}"));

        var yaml = new YamlReader(fileName);
        if (yaml.Mapping(stream.Documents[0].RootNode, "the tier file") is not { } root) return new(null, yaml.Errors);
        yaml.OnlyKeys(root, "the tier file", "tiers");
        var tiers = new List<TierDefinition>();
        var seen = new HashSet<DemonstrationTier>();
        foreach (var node in yaml.Sequence(root, "tiers", "the tier file"))
        {
            if (yaml.Mapping(node, "a tier") is { } map && Tier(yaml, map, models, allowMissingModels, seen) is { } tier) tiers.Add(tier);
        }
        if (tiers.Count == 0 && yaml.Errors.Count == 0) yaml.Error(root, "the tier file lists no tiers");
        var errors = yaml.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return new(errors.Count == 0 ? new DemonstrationTierCatalog(tiers) : null, errors);
    }

    private static TierDefinition? Tier(YamlReader yaml, YamlMappingNode map, ModelRegistry? models, bool allowMissingModels, HashSet<DemonstrationTier> seen)
    {
        yaml.OnlyKeys(map, "a tier", "tier", "name", "summary", "review", "judgement", "rules");
        var tierName = yaml.String(map, "tier", "a tier");
        var what = $"tier '{tierName}'";
        DemonstrationTier? tier = null;
        if (tierName is not null)
        {
            if (Enum.TryParse<DemonstrationTier>(tierName, ignoreCase: false, out var t) && Enum.IsDefined(t) && !int.TryParse(tierName, out _)) tier = t;
            else yaml.Error(yaml.Node(map, "tier")!, $"'{tierName}' is no demonstration tier (one of {string.Join(", ", Enum.GetNames<DemonstrationTier>())})");
        }
        if (tier is not null && !seen.Add(tier.Value)) { yaml.Error(yaml.Node(map, "tier")!, $"{what} is listed twice"); tier = null; }
        var name = yaml.Text(map, "name", what);
        var summary = yaml.Text(map, "summary", what);
        var reviewText = yaml.String(map, "review", what);
        TierReview? review = reviewText switch
        {
            "prefecture" => TierReview.Prefecture,
            "province" => TierReview.Province,
            "national" => TierReview.National,
            null => null,
            _ => null,
        };
        if (reviewText is not null && review is null)
            yaml.Error(yaml.Node(map, "review")!, $"{what}: review '{reviewText}' must be prefecture, province or national");
        var judgement = yaml.Bool(map, "judgement", what);
        var rules = new List<TierRule>();
        var ruleNodes = new List<YamlNode>();
        foreach (var node in yaml.Sequence(map, "rules", what))
        {
            if (yaml.Mapping(node, $"{what}: a rule") is not { } r) continue;
            rules.Add(Rule(yaml, r, what));
            ruleNodes.Add(node);
        }

        // the rule checker names rules by position; report each problem at its rule's line
        // allowMissingModels: a platform installed without one of the models still starts; rules on it are simply unmet
        var knownModel = models is null ? (Func<string, string?, bool>)((_, _) => true) : (model, question) =>
            models.Latest(model) is { } m ? question is null || m.FindQuestion(question) is not null : allowMissingModels;
        var before = yaml.Errors.Count;
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var error in EligibilityRules.Validate([rules[i].Rule], knownModel))
                yaml.Error(ruleNodes[i], $"{what}: {error.En.Replace("Rule 1: ", "rule: ", StringComparison.Ordinal)}");
        }
        if (yaml.Errors.Count > before || tier is null || name is null || summary is null || review is null) return null;
        return new TierDefinition(tier.Value, name, summary, review.Value, judgement, rules);
    }

    private static TierRule Rule(YamlReader yaml, YamlMappingNode map, string what)
    {
        yaml.OnlyKeys(map, $"{what}: a rule", RuleKeys);
        var ruleWhat = $"{what}: a rule";
        var anyOf = yaml.Node(map, "any-of") is { } list
            ? list is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList() : Bad(yaml, list, ruleWhat)
            : null;
        var rule = new EligibilityRule(
            yaml.String(map, "kind", ruleWhat) ?? "",
            anyOf,
            yaml.String(map, "model", ruleWhat, required: false),
            yaml.Int(map, "level", ruleWhat),
            yaml.String(map, "question", ruleWhat, required: false),
            yaml.Decimal(map, "percent", ruleWhat),
            yaml.Int(map, "days", ruleWhat),
            yaml.Node(map, "label") is not null ? yaml.Text(map, "label", ruleWhat, required: false) : null);
        return new TierRule(rule, yaml.Bool(map, "judgement", ruleWhat));
    }

    private static List<string> Bad(YamlReader yaml, YamlNode node, string what)
    {
        yaml.Error(node, $"{what}: 'any-of' must be a list");
        return [];
    }

    private static DemonstrationTierLoadResult Failed(ModelError error) => new(null, [error]);
}

/// <summary>The loaded tiers (null on errors) and every error, in file order.</summary>
public sealed record DemonstrationTierLoadResult(DemonstrationTierCatalog? Catalog, IReadOnlyList<ModelError> Errors)
{
    public bool Succeeded => Catalog is not null && Errors.Count == 0;

    /// <summary>The catalog, or an exception listing every error with its line, for a start that must not go on.</summary>
    public DemonstrationTierCatalog OrThrow() => Succeeded ? Catalog!
        : throw new InvalidOperationException($"The demonstration tier file has {Errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, Errors));
}

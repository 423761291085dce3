using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Reads the <c>levels:</c> block: a <c>thresholds</c> or a <c>staged</c> rule.</summary>
internal sealed class LevelRuleParser(YamlReader yaml)
{
    private const string What = "the level rule";

    public LevelRule? Parse(YamlNode node)
    {
        if (yaml.Mapping(node, What) is not { } map)
        {
            return null;
        }

        var kind = yaml.String(map, "kind", What);
        var notRated = yaml.Text(map, "notRated", What);
        switch (kind)
        {
            case ThresholdLevelRule.KindName:
                yaml.OnlyKeys(map, What, "kind", "notRated", "levels");
                return Thresholds(map, notRated);
            case StagedLevelRule.KindName:
                yaml.OnlyKeys(map, What, "kind", "notRated", "levels", "threshold");
                return Staged(map, notRated);
            case null:
                return null;
            default:
                yaml.Error(yaml.Node(map, "kind")!, $"{What} has unknown kind '{kind}' (known kinds: {ThresholdLevelRule.KindName}, {StagedLevelRule.KindName})");
                return null;
        }
    }

    private ThresholdLevelRule? Thresholds(YamlMappingNode map, LocalizedText? notRated)
    {
        var definitions = new List<LevelDefinition>();
        var thresholds = new List<LevelThreshold>();
        var ok = true;
        foreach (var node in yaml.Sequence(map, "levels", What))
        {
            var entry = Level(node, definitions, "minScore", "minScenes", "sceneLevel", "minConstraintScenes");
            if (entry is null)
            {
                ok = false;
                continue;
            }

            var (definition, levelMap) = entry.Value;
            var what = $"level {definition.Number}";
            var minScore = yaml.Decimal(levelMap, "minScore", what, required: true);
            var minScenes = yaml.Int(levelMap, "minScenes", what) ?? 0;
            var sceneLevel = yaml.Int(levelMap, "sceneLevel", what) ?? definition.Number;
            var minConstraint = yaml.Int(levelMap, "minConstraintScenes", what) ?? 0;
            if (minScore is null || minScore < 0 || minScenes < 0 || minConstraint < 0 || sceneLevel < 1)
            {
                yaml.Error(levelMap, $"{what}: minimums cannot be negative and sceneLevel must be 1 or higher");
                ok = false;
                continue;
            }

            if (minConstraint > minScenes)
            {
                yaml.Error(yaml.Node(levelMap, "minConstraintScenes")!, $"{what}: minConstraintScenes ({minConstraint}) cannot exceed minScenes ({minScenes})");
                ok = false;
            }

            definitions.Add(definition);
            thresholds.Add(new LevelThreshold(definition.Number, minScore.Value, minScenes, sceneLevel, minConstraint));
        }

        return ok && notRated is not null ? new ThresholdLevelRule(notRated, definitions, thresholds) : null;
    }

    private StagedLevelRule? Staged(YamlMappingNode map, LocalizedText? notRated)
    {
        var threshold = yaml.Decimal(map, "threshold", What, required: true);
        var ok = true;
        if (threshold is <= 0 or > 1)
        {
            yaml.Error(yaml.Node(map, "threshold")!, $"{What}: threshold must be above 0 and at most 1");
            ok = false;
        }

        var definitions = new List<LevelDefinition>();
        foreach (var node in yaml.Sequence(map, "levels", What))
        {
            var entry = Level(node, definitions);
            if (entry is null)
            {
                ok = false;
            }
            else
            {
                definitions.Add(entry.Value.Definition);
            }
        }

        return ok && threshold is not null && notRated is not null ? new StagedLevelRule(notRated, definitions, threshold.Value) : null;
    }

    private (LevelDefinition Definition, YamlMappingNode Map)? Level(YamlNode node, List<LevelDefinition> seen, params string[] extraKeys)
    {
        if (yaml.Mapping(node, $"{What}: a level") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, $"{What}: a level", ["level", "name", .. extraKeys]);
        var number = yaml.Int(map, "level", $"{What}: a level", required: true);
        var name = yaml.Text(map, "name", $"level {number}");
        if (number is < 1)
        {
            yaml.Error(yaml.Node(map, "level")!, $"{What}: level numbers start at 1");
            return null;
        }

        if (number is not null && seen.Any(l => l.Number == number))
        {
            yaml.Error(yaml.Node(map, "level")!, $"{What}: level {number} is defined twice");
            return null;
        }

        return number is null || name is null ? null : (new LevelDefinition(number.Value, name), map);
    }
}

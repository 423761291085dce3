using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Reads one question of any kind; the kind-specific parts live in the other *QuestionReader classes.</summary>
internal sealed class QuestionParser(YamlReader yaml, IReadOnlyList<RatingGrade> ratingScale)
{
    private static readonly string[] CommonKeys = ["id", "name", "help", "points", "weight", "kind"];

    public Question? Parse(YamlMappingNode map, NodeHeader? header)
    {
        var kindNode = yaml.Node(map, "kind");
        var kind = kindNode is null ? QuestionKinds.Scene : (kindNode as YamlScalarNode)?.Value;
        var what = $"question '{header?.Id}'";
        switch (kind)
        {
            case QuestionKinds.Single:
                yaml.OnlyKeys(map, what, [.. CommonKeys, "options"]);
                return new ChoiceQuestionReader(yaml).Read(map, header, multi: false);
            case QuestionKinds.Multi:
                yaml.OnlyKeys(map, what, [.. CommonKeys, "options", "cap"]);
                return new ChoiceQuestionReader(yaml).Read(map, header, multi: true);
            case QuestionKinds.Band:
                yaml.OnlyKeys(map, what, [.. CommonKeys, "inputs", "rate", "bands", "allowDirectChoice"]);
                return new BandQuestionReader(yaml).Read(map, header);
            case QuestionKinds.Trend:
                yaml.OnlyKeys(map, what, [.. CommonKeys, "better", "inputs"]);
                return Trend(map, header);
            case QuestionKinds.Scene:
                yaml.OnlyKeys(map, kindNode is null ? $"scene '{header?.Id}'" : what, [.. CommonKeys, "constraint", "levels"]);
                return Scene(map, header);
            case QuestionKinds.Rating:
                yaml.OnlyKeys(map, what, [.. CommonKeys, "level"]);
                return Rating(map, header);
            default:
                yaml.Error(kindNode!, $"{what} has unknown kind '{kind}' (known kinds: {string.Join(", ", QuestionKinds.All)})");
                return null;
        }
    }

    public static IReadOnlyList<QuestionInput>? Inputs(YamlReader yaml, YamlMappingNode map, string what)
    {
        var inputs = new List<QuestionInput>();
        var ok = true;
        foreach (var node in yaml.Sequence(map, "inputs", what, required: false))
        {
            if (yaml.Mapping(node, $"{what}: an input") is not { } input)
            {
                ok = false;
                continue;
            }

            yaml.OnlyKeys(input, $"{what}: an input", "id", "label", "unit");
            var id = yaml.Id(input, $"{what}: an input");
            var label = yaml.Text(input, "label", $"{what} input '{id}'");
            var unit = yaml.Text(input, "unit", $"{what} input '{id}'", required: false);
            if (id is not null && inputs.Any(i => i.Id == id))
            {
                yaml.Error(input, $"{what}: input '{id}' is listed twice");
                ok = false;
            }
            else if (id is null || label is null)
            {
                ok = false;
            }
            else
            {
                inputs.Add(new QuestionInput(id, label, unit));
            }
        }

        return ok ? inputs : null;
    }

    private TrendQuestion? Trend(YamlMappingNode map, NodeHeader? header)
    {
        var what = $"question '{header?.Id}'";
        var better = yaml.String(map, "better", what);
        TrendDirection? direction = better switch
        {
            TrendQuestion.Increase => TrendDirection.Increase,
            TrendQuestion.Decrease => TrendDirection.Decrease,
            _ => null,
        };
        if (better is not null && direction is null)
        {
            yaml.Error(yaml.Node(map, "better")!, $"{what}: 'better' must be '{TrendQuestion.Increase}' or '{TrendQuestion.Decrease}'");
        }

        var inputs = Inputs(yaml, map, what);
        return header is null || direction is null || inputs is null ? null : new TrendQuestion(header, direction.Value, inputs);
    }

    private SceneQuestion? Scene(YamlMappingNode map, NodeHeader? header)
    {
        var what = $"scene '{header?.Id}'";
        var constraint = yaml.Bool(map, "constraint", what);
        var levelsNode = yaml.Node(map, "levels");
        if (levelsNode is null)
        {
            yaml.Error(map, $"{what} is missing 'levels' (descriptions of levels 1, 2, ...)");
            return null;
        }

        if (yaml.Mapping(levelsNode, $"{what} levels") is not { } levelsMap)
        {
            return null;
        }

        var levels = new List<SceneLevelDescription>();
        var ok = true;
        foreach (var (key, value) in levelsMap.Children)
        {
            var text = yaml.Text(value, $"{what} level {key}");
            if (key is not YamlScalarNode { Value: { } raw } || !int.TryParse(raw, out var level) || level != levels.Count + 1)
            {
                yaml.Error(key, $"{what}: levels must be numbered 1, 2, 3, ... in order; expected {levels.Count + 1} here");
                ok = false;
            }
            else if (text is null)
            {
                ok = false;
            }
            else
            {
                levels.Add(new SceneLevelDescription(level, text));
            }
        }

        return header is null || !ok ? null : new SceneQuestion(header, constraint, levels);
    }

    private RatingQuestion? Rating(YamlMappingNode map, NodeHeader? header)
    {
        var what = $"question '{header?.Id}'";
        var level = yaml.Int(map, "level", what, required: true);
        if (level is < 1)
        {
            yaml.Error(yaml.Node(map, "level")!, $"{what}: level must be 1 or higher");
            return null;
        }

        if (ratingScale.Count == 0)
        {
            yaml.Error(yaml.Node(map, "kind")!, $"{what} is a rating question, but the model has no 'ratingScale'");
            return null;
        }

        return header is null || level is null ? null : new RatingQuestion(header, level.Value, ratingScale);
    }
}

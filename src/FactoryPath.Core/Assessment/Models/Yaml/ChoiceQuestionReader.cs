using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Reads single- and multi-choice questions and checks their options' points against the question's.</summary>
internal sealed class ChoiceQuestionReader(YamlReader yaml)
{
    public Question? Read(YamlMappingNode map, NodeHeader? header, bool multi)
    {
        var what = $"question '{header?.Id}'";
        var options = new List<ChoiceOption>();
        var ok = true;
        foreach (var node in yaml.Sequence(map, "options", what))
        {
            var option = Option(node, what, multi, header?.Points);
            if (option is null)
            {
                ok = false;
            }
            else if (options.Any(o => o.Key == option.Key))
            {
                yaml.Error(node, $"{what}: option '{option.Key}' is listed twice");
                ok = false;
            }
            else
            {
                options.Add(option);
            }
        }

        var cap = multi ? yaml.Decimal(map, "cap", what) : null;
        if (cap is <= 0)
        {
            yaml.Error(yaml.Node(map, "cap")!, $"{what}: cap must be greater than 0");
            ok = false;
        }

        // no options at all was reported by Sequence (missing, or not a non-empty list)
        if (header is null || !ok || options.Count == 0)
        {
            return null;
        }

        return multi ? CheckMulti(map, header, options, cap) : CheckSingle(map, header, options);
    }

    private ChoiceOption? Option(YamlNode node, string what, bool multi, decimal? questionPoints)
    {
        if (yaml.Mapping(node, $"{what}: an option") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, $"{what}: an option", multi ? ["key", "label", "points", "help", "exclusive"] : ["key", "label", "points", "help"]);
        var key = yaml.String(map, "key", $"{what}: an option");
        var label = yaml.Text(map, "label", $"{what} option '{key}'");
        var help = yaml.Text(map, "help", $"{what} option '{key}'", required: false);
        var points = yaml.Decimal(map, "points", $"{what} option '{key}'", required: true);
        var exclusive = yaml.Bool(map, "exclusive", $"{what} option '{key}'");
        if (points < 0)
        {
            yaml.Error(yaml.Node(map, "points")!, $"{what} option '{key}': points cannot be negative");
            return null;
        }

        if (points > questionPoints)
        {
            yaml.Error(yaml.Node(map, "points")!, $"{what} option '{key}' is worth {Fmt.Num(points.Value)} points, more than the question's {Fmt.Num(questionPoints.Value)}");
            return null;
        }

        return key is null || label is null || points is null ? null : new ChoiceOption(key, label, points.Value, exclusive, help);
    }

    private SingleChoiceQuestion? CheckSingle(YamlMappingNode map, NodeHeader header, List<ChoiceOption> options)
    {
        var best = options.Max(o => o.Points);
        if (best != header.Points)
        {
            yaml.Error(yaml.Node(map, "options")!, $"question '{header.Id}': its best option is worth {Fmt.Num(best)} points, but the question is worth {Fmt.Num(header.Points)}");
            return null;
        }

        return new SingleChoiceQuestion(header, options);
    }

    private MultiChoiceQuestion? CheckMulti(YamlMappingNode map, NodeHeader header, List<ChoiceOption> options, decimal? cap)
    {
        var sum = options.Where(o => !o.Exclusive).Sum(o => o.Points);
        if (cap is not null)
        {
            if (cap > sum)
            {
                yaml.Error(yaml.Node(map, "cap")!, $"question '{header.Id}': cap {Fmt.Num(cap.Value)} is more than its options add up to ({Fmt.Num(sum)})");
                return null;
            }

            if (cap != header.Points)
            {
                yaml.Error(yaml.Node(map, "cap")!, $"question '{header.Id}': cap {Fmt.Num(cap.Value)} differs from the question's {Fmt.Num(header.Points)} points");
                return null;
            }
        }
        else if (sum != header.Points)
        {
            yaml.Error(yaml.Node(map, "options")!, $"question '{header.Id}' options add up to {Fmt.Num(sum)} points, but the question is worth {Fmt.Num(header.Points)}");
            return null;
        }

        if (options.Count(o => o.Exclusive) > 1)
        {
            yaml.Error(yaml.Node(map, "options")!, $"question '{header.Id}' has more than one exclusive option");
            return null;
        }

        return new MultiChoiceQuestion(header, options, cap);
    }
}

using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Turns the YAML of one model file into an <see cref="AssessmentModel"/>, collecting every error.</summary>
internal sealed class ModelParser
{
    private static readonly string[] TopKeys = ["id", "version", "name", "description", "source", "ratingScale", "tree", "scenes", "levels"];

    private readonly YamlReader _yaml;

    public ModelParser(YamlReader yaml)
    {
        _yaml = yaml;
    }

    public AssessmentModel? Parse(YamlMappingNode root)
    {
        _yaml.OnlyKeys(root, "the model", TopKeys);
        var id = _yaml.Id(root, "the model");
        var version = _yaml.String(root, "version", "the model");
        var name = _yaml.Text(root, "name", "the model");
        var description = _yaml.Text(root, "description", "the model", required: false);
        var source = _yaml.String(root, "source", "the model");

        var ratingScale = ParseRatingScale(root);
        var nodes = new NodeParser(_yaml, ratingScale);
        var errorsBeforeTree = _yaml.Errors.Count;
        var dimensions = _yaml.Sequence(root, "tree", "the model")
            .Select(n => nodes.Group(n, parentPoints: 100m, inScenes: false))
            .OfType<ModelGroup>()
            .ToList();
        var sceneGroups = _yaml.Sequence(root, "scenes", "the model", required: false)
            .Select(n => nodes.Group(n, parentPoints: 0m, inScenes: true))
            .OfType<ModelGroup>()
            .ToList();
        LinkParents(dimensions.Concat(sceneGroups), null, 1);
        var treeComplete = _yaml.Errors.Count == errorsBeforeTree;

        var levelsNode = _yaml.Node(root, "levels");
        if (levelsNode is null)
        {
            _yaml.Error(root, "the model is missing 'levels' (the level rule)");
        }

        var levels = levelsNode is null ? null : new LevelRuleParser(_yaml).Parse(levelsNode);
        var header = new ModelHeader(id ?? "?", version ?? "?", name ?? new LocalizedText("?", "?"), description, source ?? string.Empty, _yaml.File);
        var placeholder = new ThresholdLevelRule(new LocalizedText("?", "?"), [], []);
        var model = new AssessmentModel(header, dimensions, sceneGroups, ratingScale, levels ?? placeholder);
        if (treeComplete)
        {
            // Checks across the model would only repeat earlier errors (e.g. totals of a tree with a broken question).
            new ModelChecks(_yaml, model, levelsNode is null || levels is null ? null : levelsNode).Run();
        }

        return _yaml.Errors.Count > 0 ? null : model;
    }

    private IReadOnlyList<RatingGrade> ParseRatingScale(YamlMappingNode root)
    {
        var grades = new List<RatingGrade>();
        foreach (var node in _yaml.Sequence(root, "ratingScale", "the model", required: false))
        {
            if (_yaml.Mapping(node, "a rating grade") is not { } map)
            {
                continue;
            }

            _yaml.OnlyKeys(map, "a rating grade", "key", "label", "fraction");
            var key = _yaml.String(map, "key", "a rating grade");
            var label = _yaml.Text(map, "label", $"rating grade '{key}'");
            var fraction = _yaml.Decimal(map, "fraction", $"rating grade '{key}'", required: true);
            if (fraction is < 0 or > 1)
            {
                _yaml.Error(_yaml.Node(map, "fraction")!, $"rating grade '{key}': fraction must be between 0 and 1");
            }
            else if (key is not null && grades.Any(g => g.Key == key))
            {
                _yaml.Error(map, $"rating grade '{key}' is listed twice");
            }
            else if (key is not null && label is not null && fraction is not null)
            {
                grades.Add(new RatingGrade(key, label, fraction.Value));
            }
        }

        if (grades.Count > 0 && grades.All(g => g.Fraction != 1))
        {
            _yaml.Error(_yaml.Node(root, "ratingScale")!, "the rating scale needs a grade with fraction 1 (fully met), or rated questions could never earn their points");
        }

        return grades;
    }

    private static void LinkParents(IEnumerable<ModelNode> nodes, ModelGroup? parent, int depth)
    {
        foreach (var node in nodes)
        {
            node.Parent = parent;
            node.Depth = depth;
            if (node is ModelGroup group)
            {
                LinkParents(group.Children, group, depth + 1);
            }
        }
    }
}

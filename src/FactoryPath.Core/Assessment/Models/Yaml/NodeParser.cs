using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Assessment;

/// <summary>Reads groups and questions of the tree and the scenes block; checks ids and that points add up.</summary>
internal sealed class NodeParser
{
    private const decimal Tolerance = 0.000000001m;

    private readonly YamlReader _yaml;
    private readonly IReadOnlyList<RatingGrade> _ratingScale;
    private readonly Dictionary<string, SourceLocation> _ids = new(StringComparer.Ordinal);

    public NodeParser(YamlReader yaml, IReadOnlyList<RatingGrade> ratingScale)
    {
        _yaml = yaml;
        _ratingScale = ratingScale;
    }

    /// <summary>Reads a group; in the scenes block its children are listed under <c>scenes:</c>.</summary>
    public ModelGroup? Group(YamlNode node, decimal parentPoints, bool inScenes)
    {
        if (_yaml.Mapping(node, inScenes ? "a scene group" : "a tree entry") is not { } map)
        {
            return null;
        }

        if (!inScenes && _yaml.Node(map, "kind") is not null)
        {
            _yaml.Error(map, "top-level entries of 'tree' must be groups (with 'children'), not questions");
            return null;
        }

        return inScenes ? SceneGroup(map) : TreeGroup(map, parentPoints);
    }

    private ModelNode? TreeNode(YamlNode node, decimal parentPoints)
    {
        if (_yaml.Mapping(node, "a tree entry") is not { } map)
        {
            return null;
        }

        var isQuestion = _yaml.Node(map, "kind") is not null;
        var isGroup = _yaml.Node(map, "children") is not null;
        if (isQuestion == isGroup)
        {
            _yaml.Error(map, isQuestion
                ? "an entry cannot have both 'kind' (a question) and 'children' (a group)"
                : "an entry needs either 'children' (a group) or 'kind' (a question)");
            return null;
        }

        return isGroup ? TreeGroup(map, parentPoints) : new QuestionParser(_yaml, _ratingScale).Parse(map, Header(map, "question", parentPoints, pointsRequired: true));
    }

    private ModelGroup? TreeGroup(YamlMappingNode map, decimal parentPoints)
    {
        _yaml.OnlyKeys(map, "a group", "id", "name", "help", "points", "weight", "notApplicable", "children");
        var header = Header(map, "group", parentPoints, pointsRequired: true);
        var children = _yaml.Sequence(map, "children", $"group '{header?.Id}'")
            .Select(c => TreeNode(c, header?.Points ?? 0))
            .ToList();
        var mayBeNotApplicable = ReadNotApplicable(map, header?.Id);
        if (header is null || children.Any(c => c is null))
        {
            return null;
        }

        var sum = children.Sum(c => c!.Points);
        if (children.Count > 0 && Math.Abs(sum - header.Points) > Tolerance)
        {
            _yaml.Error(_yaml.Node(map, "points") ?? _yaml.Node(map, "weight") ?? map,
                $"group '{header.Id}' is worth {Fmt.Num(header.Points)} points, but its children add up to {Fmt.Num(sum)}");
        }

        return new ModelGroup(header, children!, mayBeNotApplicable);
    }

    private bool ReadNotApplicable(YamlMappingNode map, string? id)
    {
        if (_yaml.Node(map, "notApplicable") is not { } node)
        {
            return false;
        }

        if (node is YamlScalarNode { Value: "allowed" })
        {
            return true;
        }

        _yaml.Error(node, $"group '{id}': notApplicable must be 'allowed' (or left out)");
        return false;
    }

    private ModelGroup? SceneGroup(YamlMappingNode map)
    {
        _yaml.OnlyKeys(map, "a scene group", "id", "name", "help", "scenes");
        var header = Header(map, "scene group", 0, pointsRequired: false);
        var scenes = _yaml.Sequence(map, "scenes", $"scene group '{header?.Id}'")
            .Select(Scene)
            .ToList();
        return header is null || scenes.Any(s => s is null) ? null : new ModelGroup(header, scenes!, mayBeNotApplicable: false);
    }

    private SceneQuestion? Scene(YamlNode node)
    {
        if (_yaml.Mapping(node, "a scene") is not { } map)
        {
            return null;
        }

        if (_yaml.Node(map, "kind") is YamlScalarNode { Value: not QuestionKinds.Scene } kind)
        {
            _yaml.Error(kind, $"entries of a scene group are scenes; kind '{kind.Value}' is not allowed here");
            return null;
        }

        var header = Header(map, "scene", 0, pointsRequired: false);
        return new QuestionParser(_yaml, _ratingScale).Parse(map, header) as SceneQuestion;
    }

    /// <summary>Reads id, name, help and points (or weight: a percentage of the parent's points).</summary>
    private NodeHeader? Header(YamlMappingNode map, string what, decimal parentPoints, bool pointsRequired)
    {
        var id = _yaml.Id(map, $"a {what}");
        var name = _yaml.Text(map, "name", $"{what} '{id}'");
        var help = _yaml.Text(map, "help", $"{what} '{id}'", required: false);
        var points = Points(map, what, id, parentPoints, pointsRequired);
        if (id is not null)
        {
            var at = _yaml.At(_yaml.Node(map, "id")!);
            if (_ids.TryGetValue(id, out var first))
            {
                _yaml.Error(at, $"duplicate id '{id}' (first used at line {first.Line})");
                return null;
            }

            _ids.Add(id, at);
        }

        return id is null || name is null || points is null ? null : new NodeHeader(id, name, help, points.Value, _yaml.At(map));
    }

    private decimal? Points(YamlMappingNode map, string what, string? id, decimal parentPoints, bool required)
    {
        var points = _yaml.Decimal(map, "points", $"{what} '{id}'");
        var weight = _yaml.Decimal(map, "weight", $"{what} '{id}'");
        if (points is not null && weight is not null)
        {
            _yaml.Error(_yaml.Node(map, "weight")!, $"{what} '{id}': give either 'points' or 'weight' (a percentage of the parent), not both");
            return null;
        }

        if (points is null && weight is null)
        {
            if (required)
            {
                _yaml.Error(map, $"{what} '{id}' is missing 'points' (or 'weight')");
                return null;
            }

            return 0;
        }

        var value = points ?? parentPoints * weight!.Value / 100m;
        if (value < 0)
        {
            _yaml.Error(_yaml.Node(map, points is null ? "weight" : "points")!, $"{what} '{id}': points cannot be negative");
            return null;
        }

        return value;
    }
}

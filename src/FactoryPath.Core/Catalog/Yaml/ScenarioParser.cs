using FactoryPath.Core.Assessment;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Catalog.Yaml;

/// <summary>Reads links and scenarios, collecting an error (with line and column) for every problem of shape.</summary>
internal sealed class ScenarioParser(YamlReader yaml)
{
    private readonly HashSet<string> _scenarioIds = new(StringComparer.Ordinal);

    public ParsedLibrary Parse(YamlMappingNode root)
    {
        yaml.OnlyKeys(root, "the scenario library", "model", "links", "groups");
        var defaultModel = yaml.String(root, "model", "the scenario library");
        var links = ParseLinks(root);
        var scenarios = new List<ParsedScenario>();
        foreach (var node in yaml.Sequence(root, "groups", "the scenario library"))
        {
            if (yaml.Mapping(node, "a scenario group") is not { } group)
            {
                continue;
            }

            yaml.OnlyKeys(group, "a scenario group", "source", "scenarios");
            var source = yaml.String(group, "source", "a scenario group") ?? "?";
            foreach (var item in yaml.Sequence(group, "scenarios", $"scenario group '{source}'"))
            {
                if (yaml.Mapping(item, "a scenario") is { } map && Scenario(map, source, defaultModel ?? "?") is { } scenario)
                {
                    scenarios.Add(scenario);
                }
            }
        }

        return new ParsedLibrary(links, scenarios);
    }

    private List<ScenarioLink> ParseLinks(YamlMappingNode root)
    {
        var links = new List<ScenarioLink>();
        foreach (var node in yaml.Sequence(root, "links", "the scenario library"))
        {
            if (yaml.Mapping(node, "a link") is not { } map)
            {
                continue;
            }

            yaml.OnlyKeys(map, "a link", "id", "name", "order");
            var id = yaml.Id(map, "a link");
            var name = yaml.Text(map, "name", $"link '{id}'");
            var order = yaml.Int(map, "order", $"link '{id}'", required: true);
            if (id is not null && links.Any(l => l.Id == id))
            {
                yaml.Error(yaml.Node(map, "id")!, $"link id '{id}' is used twice");
            }
            else if (id is not null && name is not null && order is not null)
            {
                links.Add(new ScenarioLink(id, name, order.Value));
            }
        }

        return links;
    }

    private ParsedScenario? Scenario(YamlMappingNode map, string source, string defaultModel)
    {
        yaml.OnlyKeys(map, "a scenario", "id", "link", "name", "summary", "improves", "prerequisites", "constraint");
        var id = yaml.Id(map, "a scenario");
        var what = $"scenario '{id}'";
        var link = yaml.String(map, "link", what, required: false);
        var name = yaml.Text(map, "name", what);
        var summary = yaml.Text(map, "summary", what);
        var constraint = yaml.Bool(map, "constraint", what);
        var targetNodes = Scalars(map, "improves", what, required: true);
        var prerequisiteNodes = Scalars(map, "prerequisites", what, required: false);
        var targets = targetNodes.Select(n => Target(n, defaultModel, what)).ToList();
        if (id is not null && !_scenarioIds.Add(id))
        {
            yaml.Error(yaml.Node(map, "id")!, $"scenario id '{id}' is used twice");
            return null;
        }

        if (id is null || name is null || summary is null || targets.Any(t => t is null))
        {
            return null;
        }

        var prerequisites = prerequisiteNodes.Select(n => n.Value!).ToList();
        var scenario = new TypicalScenario(id, link, name, summary, source, targets.OfType<AssessmentTarget>().ToList(), prerequisites, constraint);
        return new ParsedScenario(scenario, map, yaml.Node(map, "link"), prerequisiteNodes, targetNodes);
    }

    /// <summary>The items of a list of plain texts; items that are not texts are reported and left out.</summary>
    private List<YamlScalarNode> Scalars(YamlMappingNode map, string key, string what, bool required)
    {
        var items = new List<YamlScalarNode>();
        foreach (var node in yaml.Sequence(map, key, what, required))
        {
            if (node is YamlScalarNode { Value: { } value } scalar && !string.IsNullOrWhiteSpace(value))
            {
                items.Add(scalar);
            }
            else
            {
                yaml.Error(node, $"{what}: every item of '{key}' must be an id");
            }
        }

        return items;
    }

    /// <summary>"node-id" (in the file's model) or "model-id/node-id".</summary>
    private AssessmentTarget? Target(YamlScalarNode node, string defaultModel, string what)
    {
        var parts = node.Value!.Trim().Split('/');
        switch (parts)
        {
            case [var nodeId] when nodeId.Length > 0:
                return new AssessmentTarget(defaultModel, nodeId);
            case [var modelId, var nodeId] when modelId.Length > 0 && nodeId.Length > 0:
                return new AssessmentTarget(modelId, nodeId);
            default:
                yaml.Error(node, $"{what}: improves '{node.Value}' must be 'node-id' or 'model-id/node-id'");
                return null;
        }
    }
}

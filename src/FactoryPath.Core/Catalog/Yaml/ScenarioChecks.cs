using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog.Yaml;

/// <summary>Checks across the library: links and prerequisites that exist, no prerequisite cycle, and targets in the models.</summary>
internal sealed class ScenarioChecks(YamlReader yaml, ParsedLibrary library, ModelRegistry? models)
{
    private readonly Dictionary<string, ParsedScenario> _byId =
        library.Scenarios.ToDictionary(s => s.Scenario.Id, StringComparer.Ordinal);

    public void Run()
    {
        foreach (var parsed in library.Scenarios)
        {
            CheckLink(parsed);
            CheckPrerequisites(parsed);
            if (models is not null)
            {
                CheckTargets(parsed, models);
            }
        }

        CheckLinksPerSource();
        FindCycles();
    }

    /// <summary>Within one source, scenarios either all belong to a link or none do, so a forgotten link is caught.</summary>
    private void CheckLinksPerSource()
    {
        foreach (var source in library.Scenarios.GroupBy(s => s.Scenario.Source).Where(g => g.Any(s => s.Scenario.LinkId is not null)))
        {
            foreach (var parsed in source.Where(s => s.Scenario.LinkId is null))
            {
                yaml.Error(parsed.Node, $"scenario '{parsed.Scenario.Id}' is missing 'link' (the other '{source.Key}' scenarios have one)");
            }
        }
    }

    private void CheckLink(ParsedScenario parsed)
    {
        var link = parsed.Scenario.LinkId;
        if (link is not null && library.Links.All(l => l.Id != link))
        {
            yaml.Error(parsed.LinkNode!, $"scenario '{parsed.Scenario.Id}': unknown link '{link}'");
        }
    }

    private void CheckPrerequisites(ParsedScenario parsed)
    {
        var scenario = parsed.Scenario;
        for (var i = 0; i < scenario.Prerequisites.Count; i++)
        {
            if (!_byId.ContainsKey(scenario.Prerequisites[i]))
            {
                yaml.Error(parsed.PrerequisiteNodes[i], $"scenario '{scenario.Id}': unknown prerequisite '{scenario.Prerequisites[i]}'");
            }
        }
    }

    private void CheckTargets(ParsedScenario parsed, ModelRegistry registry)
    {
        var scenario = parsed.Scenario;
        for (var i = 0; i < scenario.Improves.Count; i++)
        {
            var target = scenario.Improves[i];
            if (registry.Latest(target.ModelId) is not { } model)
            {
                yaml.Error(parsed.TargetNodes[i], $"scenario '{scenario.Id}': improves '{target}', but no model '{target.ModelId}' is loaded");
            }
            else if (model.FindQuestion(target.NodeId) is null && !IsRatedSubDomain(model, target.NodeId))
            {
                yaml.Error(parsed.TargetNodes[i], $"scenario '{scenario.Id}': improves '{target}', but model '{model.Id}' {model.Version} has no question, scene or rated sub-domain '{target.NodeId}'");
            }
        }

        var improvesConstraintScene = scenario.Improves.Any(t => registry.Latest(t.ModelId)?.FindQuestion(t.NodeId) is SceneQuestion { Constraint: true });
        if (scenario.Constraint && !improvesConstraintScene)
        {
            yaml.Error(parsed.Node, $"scenario '{scenario.Id}' is marked constraint, but improves no scene its model marks constraint");
        }
    }

    /// <summary>A group of rating requirements (a GB/T 39116 capability sub-domain), which a staged model levels as a whole.</summary>
    private static bool IsRatedSubDomain(AssessmentModel model, string nodeId) =>
        model.Levels is StagedLevelRule && model.FindNode(nodeId) is ModelGroup group && group.Children.OfType<RatingQuestion>().Any();

    /// <summary>Depth-first over the prerequisites in file order; every edge back into the current path closes a cycle.</summary>
    private void FindCycles()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var parsed in library.Scenarios)
        {
            Visit(parsed, done, path);
        }
    }

    private void Visit(ParsedScenario parsed, HashSet<string> done, List<string> path)
    {
        var id = parsed.Scenario.Id;
        if (done.Contains(id))
        {
            return;
        }

        path.Add(id);
        for (var i = 0; i < parsed.Scenario.Prerequisites.Count; i++)
        {
            var next = parsed.Scenario.Prerequisites[i];
            var onPath = path.IndexOf(next);
            if (onPath >= 0)
            {
                var cycle = string.Join(" -> ", path.Skip(onPath).Append(next));
                yaml.Error(parsed.PrerequisiteNodes[i], $"scenario '{id}': prerequisites form a cycle: {cycle} (each needs the next first)");
            }
            else if (_byId.TryGetValue(next, out var other))
            {
                Visit(other, done, path);
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(id);
    }
}

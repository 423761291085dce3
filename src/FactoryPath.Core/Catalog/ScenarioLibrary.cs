using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Catalog;

/// <summary>The typical scenarios and their links, as loaded (and checked) by <see cref="ScenarioLibraryLoader"/>.</summary>
public sealed class ScenarioLibrary
{
    internal const string EmbeddedResource = "FactoryPath.Core.Catalog.Data.typical-scenarios.yaml";

    private static readonly Lazy<ScenarioLibrary> Embedded = new(LoadEmbeddedResource);

    private readonly Dictionary<string, TypicalScenario> _byId;

    /// <summary>Expects checked data: unique ids, known links and prerequisites, no prerequisite cycle.</summary>
    internal ScenarioLibrary(IEnumerable<ScenarioLink> links, IEnumerable<TypicalScenario> scenarios)
    {
        Links = links.OrderBy(l => l.Order).ToList();
        Scenarios = scenarios.ToList();
        _byId = Scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Every link, in value-chain order.</summary>
    public IReadOnlyList<ScenarioLink> Links { get; }

    /// <summary>Every scenario, in file order.</summary>
    public IReadOnlyList<TypicalScenario> Scenarios { get; }

    public TypicalScenario? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<TypicalScenario> ScenariosOfLink(string linkId) =>
        Scenarios.Where(s => s.LinkId == linkId).ToList();

    /// <summary>The scenarios that improve a question or scene of a model.</summary>
    public IReadOnlyList<TypicalScenario> Improving(string modelId, string nodeId)
    {
        var target = new AssessmentTarget(modelId, nodeId);
        return Scenarios.Where(s => s.Improves.Contains(target)).ToList();
    }

    /// <summary>
    /// Every scenario that should come before <paramref name="id"/>, directly or through others, each listed after its
    /// own prerequisites (ties keep the order the prerequisites are written in). The scenario itself is not included.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No scenario has that id.</exception>
    public IReadOnlyList<TypicalScenario> PrerequisitesInOrder(string id)
    {
        var scenario = Find(id) ?? throw new KeyNotFoundException($"no scenario has the id '{id}'");
        var ordered = new List<TypicalScenario>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { scenario.Id };
        foreach (var prerequisite in scenario.Prerequisites)
        {
            Visit(prerequisite, seen, ordered);
        }

        return ordered;
    }

    /// <summary>The library shipped in this assembly, read once and checked without models (the tests check it against them).</summary>
    public static ScenarioLibrary LoadEmbedded() => Embedded.Value;

    private static ScenarioLibrary LoadEmbeddedResource()
    {
        var result = ScenarioLibraryLoader.LoadEmbedded(models: null);
        return result.Library ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    private void Visit(string id, HashSet<string> seen, List<TypicalScenario> ordered)
    {
        if (!seen.Add(id))
        {
            return;
        }

        var scenario = _byId[id];
        foreach (var prerequisite in scenario.Prerequisites)
        {
            Visit(prerequisite, seen, ordered);
        }

        ordered.Add(scenario);
    }
}

using YamlDotNet.RepresentationModel;

namespace FactoryPath.Core.Catalog.Yaml;

/// <summary>What the parser read, with the YAML nodes the cross-checks point their errors at.</summary>
internal sealed record ParsedLibrary(IReadOnlyList<ScenarioLink> Links, IReadOnlyList<ParsedScenario> Scenarios);

internal sealed record ParsedScenario(
    TypicalScenario Scenario,
    YamlMappingNode Node,
    YamlNode? LinkNode,
    IReadOnlyList<YamlNode> PrerequisiteNodes,
    IReadOnlyList<YamlNode> TargetNodes);

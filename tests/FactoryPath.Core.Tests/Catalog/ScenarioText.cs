using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Tests.Catalog;

/// <summary>Small scenario library files in YAML; scenario lines start at line 7, one scenario a line.</summary>
internal static class ScenarioText
{
    public const string FileName = "catalog/test.yaml";

    public const string Header =
        "model: m\n" +
        "links:\n" +
        "  - {id: l1, name: {zh: 环节, en: Link}, order: 1}\n" +
        "groups:\n" +
        "  - source: test\n" +
        "    scenarios:\n";

    /// <summary>One scenario line; <paramref name="extra"/> is added inside the mapping (e.g. "prerequisites: [a]").</summary>
    public static string Scenario(string id, string extra = "") =>
        $"      - {{id: {id}, link: l1, name: {{zh: 场景{id}, en: Scenario {id}}}, summary: {{zh: 说明。, en: Summary.}}, improves: [q1]{(extra.Length > 0 ? ", " + extra : string.Empty)}}}\n";

    public static ScenarioLibraryLoadResult Load(string yaml, ModelRegistry? models = null) =>
        ScenarioLibraryLoader.LoadText(yaml, FileName, models);

    public static ScenarioLibrary LoadValid(string yaml)
    {
        var result = Load(yaml);
        return result.Library ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}

using FactoryPath.Core.Catalog;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// How a candidate's searchable text is put together, the same for the platform and the quality set: its own title and
/// description, then the names of its scenarios in the library (so 质量追溯 finds a solution tagged with that scenario
/// even when its description says 一物一码) and any extra words such as the provider's name.
/// </summary>
public static class CandidateTexts
{
    public static CandidateText Compose(
        string titleZh, string titleEn, string descriptionZh, string descriptionEn,
        IEnumerable<string> scenarios, ScenarioLibrary library, string extraZh = "", string extraEn = "")
    {
        var names = scenarios.Select(library.Find).OfType<TypicalScenario>().ToList();
        return new CandidateText(
            titleZh,
            titleEn,
            Join(descriptionZh, string.Join("；", names.Select(n => n.Name.Zh)), extraZh),
            Join(descriptionEn, string.Join("; ", names.Select(n => n.Name.En)), extraEn));
    }

    private static string Join(params string[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}

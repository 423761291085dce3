using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Catalog;

public sealed record ScenarioLinkResponse(string Id, LocalizedText Name, int Order, IReadOnlyList<string> Scenarios);

public sealed record ScenarioResponse(
    string Id, string? LinkId, LocalizedText Name, LocalizedText Summary, string Source, bool Constraint,
    IReadOnlyList<AssessmentTarget> Improves, IReadOnlyList<string> Prerequisites)
{
    public static ScenarioResponse From(TypicalScenario s) =>
        new(s.Id, s.LinkId, s.Name, s.Summary, s.Source, s.Constraint, s.Improves, s.Prerequisites);
}

/// <summary>The typical scenario library (public reference data): links, scenarios, what each improves and what must come first.</summary>
public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/catalog").WithTags("catalog");
        group.MapGet("/links", (ScenarioLibrary library) => TypedResults.Ok(library.Links
                .Select(l => new ScenarioLinkResponse(l.Id, l.Name, l.Order, library.ScenariosOfLink(l.Id).Select(s => s.Id).ToList())).ToList()))
            .WithName("ListScenarioLinks").WithSummary("The links (环节) of the typical scenario library");

        group.MapGet("/scenarios", (ScenarioLibrary library, string? link, string? source, string? improves) =>
        {
            IEnumerable<TypicalScenario> scenarios = library.Scenarios;
            if (!string.IsNullOrWhiteSpace(source)) scenarios = scenarios.Where(s => s.Source == source.Trim());
            if (!string.IsNullOrWhiteSpace(link)) scenarios = scenarios.Where(s => s.LinkId == link.Trim());
            if (!string.IsNullOrWhiteSpace(improves)) scenarios = scenarios.Where(s => s.Improves.Any(t => t.NodeId == improves.Trim()));
            return TypedResults.Ok(scenarios.Select(ScenarioResponse.From).ToList());
        }).WithName("ListScenarios").WithSummary("Typical scenarios, optionally of one link (?link=), one source (?source=miit-guide-2025|sme-2024) or improving one assessment question or scene (?improves=)");

        group.MapGet("/scenarios/{id}", (ScenarioLibrary library, string id) =>
                library.Find(id) is { } s ? Results.Ok(ScenarioResponse.From(s)) : OutcomeResults.NotFoundProblem())
            .WithName("GetScenario").Produces<ScenarioResponse>();
        return api;
    }
}

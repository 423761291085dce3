using System.Text.Json;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Core.Tests.Matching.Quality;

/// <summary>
/// The labelled quality set: a fixture catalog (providers, solutions, cases) and demands with the solutions a
/// domain expert expects for each (grade 2 = what they would recommend first, 1 = acceptable), read from the JSON files here.
/// </summary>
public sealed class QualitySet
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public required IReadOnlyList<FixtureProvider> Providers { get; init; }
    public required IReadOnlyList<FixtureSolution> Solutions { get; init; }
    public required IReadOnlyList<FixtureCase> Cases { get; init; }
    public required IReadOnlyList<FixtureDemand> Demands { get; init; }

    public static QualitySet Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Matching", "Quality");
        T Read<T>(string file) => JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(folder, file)), Json)
            ?? throw new InvalidOperationException($"{file} is empty");
        return new QualitySet
        {
            Providers = Read<List<FixtureProvider>>("providers.json"),
            Solutions = Read<List<FixtureSolution>>("solutions.json"),
            Cases = Read<List<FixtureCase>>("cases.json"),
            Demands = Read<List<FixtureDemand>>("demands.json"),
        };
    }

    /// <summary>The catalog as the platform would index it (solutions only; the set ranks solutions).</summary>
    public IEnumerable<(CandidateText, CandidateFacts)> Candidates(ScenarioLibrary library)
    {
        var providers = Providers.ToDictionary(p => p.Id);
        foreach (var s in Solutions)
        {
            var provider = providers[s.Provider];
            yield return (
                CandidateTexts.Compose(s.Zh, s.En, s.Dzh, s.Den, s.Scen, library, provider.Name),
                new CandidateFacts
                {
                    Id = s.Id,
                    Kind = SearchDocumentKinds.Solution,
                    ProviderId = s.Provider,
                    Title = new LocalizedTitle(s.Zh, s.En),
                    Scenarios = s.Scen,
                    Industries = s.Ind,
                    SizeClasses = s.Size.Select(x => Enum.Parse<SizeClass>(x, ignoreCase: true)).ToList(),
                    RegionsServed = provider.Regions,
                    Deployment = Enum.Parse<DeploymentMode>(s.Dep, ignoreCase: true),
                    PriceMinCny = s.Price[0],
                    PriceMaxCny = s.Price[1],
                    ImplementationWeeks = s.Weeks,
                    Standardised = s.Std,
                    ProviderRating = provider.Rating,
                    ProviderRatedProjects = provider.Rated,
                    Cases = Cases.Where(c => c.Solution == s.Id).Select(c => new CaseFact(c.Industry, c.Scenarios)).ToList(),
                });
        }
    }
}

public sealed record FixtureProvider(string Id, string Name, List<string> Regions, double? Rating, int Rated);

public sealed record FixtureSolution(
    string Id, string Provider, string Zh, string En, string Dzh, string Den, List<string> Scen, List<string> Ind,
    List<string> Size, string Dep, long[] Price, int Weeks, bool Std);

public sealed record FixtureCase(string Solution, string Industry, List<string> Scenarios);

public sealed record FixtureDemand(
    string Id, string Text, List<string>? Scenarios, List<string>? Roadmap, string? Industry, string? Size, long[]? Budget,
    string? Region, bool RegionHard, string? Deployment, List<Expected> Expected)
{
    public MatchRequest ToRequest() => new()
    {
        Text = Text,
        Scenarios = Scenarios ?? [],
        RoadmapScenarios = Roadmap ?? [],
        IndustryCode = Industry,
        SizeClass = Size is null ? null : Enum.Parse<SizeClass>(Size, ignoreCase: true),
        BudgetMinCny = Budget?[0],
        BudgetMaxCny = Budget?[1],
        RegionCode = Region,
        Deployment = Deployment is null ? null : Enum.Parse<DeploymentMode>(Deployment, ignoreCase: true),
        Hard = new MatchHardFilters { RegionServed = RegionHard },
    };
}

/// <summary>A solution the expert expects, its grade (2 recommend first, 1 acceptable) and why.</summary>
public sealed record Expected(string Id, int Grade, string Why);

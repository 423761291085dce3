using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// The structured facts about one solution, provider or case that ranking weighs. Lists left empty mean "any"
/// (any industry, any size, nationwide); a null value means the fact does not apply to this kind (a provider has no price).
/// </summary>
public sealed record CandidateFacts
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    /// <summary>The provider behind a solution or case; a provider's own id for a provider.</summary>
    public string? ProviderId { get; init; }
    public LocalizedTitle Title { get; init; } = new("", "");
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<SizeClass> SizeClasses { get; init; } = [];
    /// <summary>GB/T 2260 scopes served; empty is nationwide; null when the kind serves no region (a case).</summary>
    public IReadOnlyList<string>? RegionsServed { get; init; }
    public DeploymentMode? Deployment { get; init; }
    public long? PriceMinCny { get; init; }
    public long? PriceMaxCny { get; init; }
    public int? ImplementationWeeks { get; init; }
    public bool Standardised { get; init; }
    /// <summary>Mean rating (1–5) of the provider's rated projects, and how many there are.</summary>
    public double? ProviderRating { get; init; }
    public int ProviderRatedProjects { get; init; }
    /// <summary>Demonstration cases behind the candidate: their industry and scenarios.</summary>
    public IReadOnlyList<CaseFact> Cases { get; init; } = [];
}

public sealed record CaseFact(string IndustryCode, IReadOnlyList<string> Scenarios);

public sealed record LocalizedTitle(string Zh, string En);

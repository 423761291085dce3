using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Web.Matching;

/// <summary>
/// POST /api/v1/match: what is needed. Give at least one of text, scenarios, roadmapScenarios or industryCode.
/// Budget in whole yuan. <see cref="Kinds"/> defaults to solutions, providers and cases; <see cref="Top"/> is 1–50 (default 10).
/// </summary>
public sealed record MatchInput
{
    public string? Text { get; init; }
    public List<string>? Scenarios { get; init; }
    public List<string>? RoadmapScenarios { get; init; }
    public string? IndustryCode { get; init; }
    public SizeClass? SizeClass { get; init; }
    public long? BudgetMinCny { get; init; }
    public long? BudgetMaxCny { get; init; }
    public string? RegionCode { get; init; }
    public DeploymentMode? Deployment { get; init; }
    public MatchHardInput? Hard { get; init; }
    public List<string>? Kinds { get; init; }
    public int? Top { get; init; }
}

/// <summary>Which conditions are hard (exclude) rather than soft (lower the score).</summary>
public sealed record MatchHardInput(bool RegionServed = false, bool Deployment = false, bool MaxBudget = false, bool Industry = false);

/// <summary>Matches of each kind, best first; <see cref="Candidates"/> counts per kind those considered (up to the candidate limit).</summary>
public sealed record MatchResponse(IReadOnlyList<MatchItem> Solutions, IReadOnlyList<MatchItem> Providers, IReadOnlyList<MatchItem> Cases, IReadOnlyDictionary<string, int> Candidates);

/// <summary>One match with its score in [0, 1] and "why this match", component by component.</summary>
public sealed record MatchItem(
    string Id,
    string Kind,
    string TitleZh,
    string TitleEn,
    double Score,
    IReadOnlyList<MatchComponentView> Components,
    IReadOnlyList<MatchedTextView> MatchedText,
    string? ProviderId,
    string? ProviderName,
    long? PriceMinCny,
    long? PriceMaxCny,
    DeploymentMode? Deployment,
    int? ImplementationWeeks,
    bool Standardised);

/// <summary>A component: value and weight, its contribution to the score, and the reason in both languages.</summary>
public sealed record MatchComponentView(string Component, double Value, double Weight, double Contribution, string ReasonZh, string ReasonEn);

/// <summary>A part of the query text that matched, and the forms found (e.g. query 用能 found as 能耗).</summary>
public sealed record MatchedTextView(string Query, string? SynonymGroup, IReadOnlyList<string> Forms);

/// <summary>GET /api/v1/results/{id}/matches: the request made from the result's roadmap and enterprise, and its matched solutions.</summary>
public sealed record ResultMatchesResponse(IReadOnlyList<string> RoadmapScenarios, string IndustryCode, SizeClass SizeClass, string RegionCode, IReadOnlyList<MatchItem> Solutions);

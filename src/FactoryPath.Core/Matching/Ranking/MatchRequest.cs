using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Matching.Ranking;

/// <summary>
/// What an enterprise is looking for. Every part is optional; a part left out neither helps nor hurts a candidate.
/// <see cref="RoadmapScenarios"/> are the roadmap's scenario ids in step order (earlier steps count more).
/// </summary>
public sealed record MatchRequest
{
    /// <summary>Pain points or a description in the enterprise's words, Chinese or English.</summary>
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Scenarios { get; init; } = [];
    public IReadOnlyList<string> RoadmapScenarios { get; init; } = [];
    /// <summary>GB/T 4754-2017 division code.</summary>
    public string? IndustryCode { get; init; }
    public SizeClass? SizeClass { get; init; }
    /// <summary>Budget range in whole yuan; either end may be open.</summary>
    public long? BudgetMinCny { get; init; }
    public long? BudgetMaxCny { get; init; }
    /// <summary>GB/T 2260 code where the work is done.</summary>
    public string? RegionCode { get; init; }
    public DeploymentMode? Deployment { get; init; }
    public MatchHardFilters Hard { get; init; } = new();
}

/// <summary>
/// Conditions a candidate must meet to be listed at all (otherwise they only lower its score).
/// Each applies only when the request carries the value it needs (a region, a deployment, a budget maximum, an industry).
/// </summary>
public sealed record MatchHardFilters
{
    /// <summary>Only providers serving the request's region (nationwide providers serve every region).</summary>
    public bool RegionServed { get; init; }
    /// <summary>Only solutions with exactly the preferred deployment.</summary>
    public bool Deployment { get; init; }
    /// <summary>Only solutions whose lowest price is within the budget maximum.</summary>
    public bool MaxBudget { get; init; }
    /// <summary>Only candidates made for the industry (or for any industry).</summary>
    public bool Industry { get; init; }
}

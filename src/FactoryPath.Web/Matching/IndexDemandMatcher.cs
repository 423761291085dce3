using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;
using FactoryPath.Web.Demands;

namespace FactoryPath.Web.Matching;

/// <summary>
/// Providers a demand should reach, from the matching index: the demand's words, scenarios, industry, size, budget,
/// region and deployment, ranked on a provider's own fit and its best solution. Only providers serving the demand's
/// region and covering one of its scenarios or matching its words are listed. The reason names the strongest components.
/// </summary>
public sealed class IndexDemandMatcher(MatchingIndex index) : IDemandMatcher
{
    /// <summary>A posted demand waits for the first index build longer than an interactive search.</summary>
    private static readonly TimeSpan BuildWait = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<ProviderMatch>> MatchProvidersAsync(Demand demand, int top, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var request = RequestFor(demand);
        var result = await index.MatchAsync(request, [SearchDocumentKinds.Provider], top, BuildWait, ct)
            ?? throw new InvalidOperationException("The matching index is still being built; try again shortly.");
        return result.Of(SearchDocumentKinds.Provider)
            .Where(m => m.Score > 0 && IsAbout(m))
            .Select(m =>
            {
                var strongest = m.Components.Where(c => c.Value > 0).OrderByDescending(c => c.Contribution).Take(3).ToList();
                return new ProviderMatch(
                    Guid.Parse(m.Id),
                    m.Score,
                    string.Join("；", strongest.Select(c => c.Reason.Zh)),
                    string.Join("; ", strongest.Select(c => c.Reason.En)));
            })
            .ToList();
    }

    /// <summary>
    /// A demand reaches only providers it is about: ones covering a wanted scenario or matching its words. Fit on
    /// region, budget or size alone would fill a provider's inbox with work it does not do.
    /// </summary>
    private static bool IsAbout(RankedMatch m) =>
        m.Components.Any(c => c.Component is MatchComponent.Text or MatchComponent.Scenarios && c.Value > 0);

    public static MatchRequest RequestFor(Demand demand) => new()
    {
        Text = $"{demand.Title}\n{demand.Description}".Trim(),
        Scenarios = demand.Scenarios,
        IndustryCode = string.IsNullOrEmpty(demand.IndustryCode) ? null : demand.IndustryCode,
        SizeClass = demand.SizeClass,
        BudgetMinCny = demand.BudgetMinCny,
        BudgetMaxCny = demand.BudgetMaxCny > 0 ? demand.BudgetMaxCny : null,
        RegionCode = string.IsNullOrEmpty(demand.RegionCode) ? null : demand.RegionCode,
        Deployment = demand.PreferredDeployment,
        Hard = new MatchHardFilters { RegionServed = true },
    };
}

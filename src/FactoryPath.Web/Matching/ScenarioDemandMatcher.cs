using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Matching;

/// <summary>
/// The plainest matcher: providers that cover at least one of the demand's scenarios and serve its region,
/// ranked by how many of those scenarios they cover, then by rating.
/// </summary>
public sealed class ScenarioDemandMatcher(PlatformDbContext db) : IDemandMatcher
{
    public async Task<IReadOnlyList<ProviderMatch>> MatchProvidersAsync(Demand demand, int top, CancellationToken ct = default)
    {
        var wanted = demand.Scenarios;
        var candidates = await db.Providers.AsNoTracking()
            .Where(p => p.Scenarios.Any(s => wanted.Contains(s)))
            .ToListAsync(ct);
        return candidates
            .Where(p => p.RegionsServed.Count == 0 || p.RegionsServed.Any(r => RegionScope.Contains(r, demand.RegionCode)))
            .Select(p => (Provider: p, Covered: p.Scenarios.Intersect(wanted).Count()))
            .OrderByDescending(x => x.Covered).ThenByDescending(x => x.Provider.Rating ?? 0).ThenBy(x => x.Provider.Name, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new ProviderMatch(
                x.Provider.Id,
                x.Covered,
                $"覆盖需求中的 {x.Covered} 个场景，服务该地区",
                $"covers {x.Covered} of the demand's scenarios and serves its region"))
            .ToList();
    }
}

using System.Collections.Concurrent;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>Solutions of the resource pool available in a region for one typical scenario, and how many providers offer them.</summary>
public readonly record struct ScenarioOffer(int Solutions, int Providers);

/// <summary>
/// The supply side of the console's "solutions per scenario": per typical scenario, the solutions whose provider serves
/// a region (<see cref="RegionScope.Serves"/>: its "regions served" list is empty, meaning nationwide, or holds the
/// region, its prefecture or its province — the rule of the pool's filters and of matching's hard filter).
/// <para>
/// The pool may hold 100,000 solutions of 10,000 providers, so the two columns it needs (provider, scenarios) are read
/// once and kept per provider: solutions per scenario beside the provider's regions served. A region's counts are a
/// pass over the providers, kept until the next change. Each request first reads a stamp (row count and latest
/// UpdatedAt of solutions and of providers); when it differs everything is read again, so a solution or provider saved,
/// imported or deleted in any way shows on the next console page (like <see cref="Catalog.ScenarioCostCache"/>).
/// </para>
/// </summary>
public sealed class ScenarioSupplyCache : Catalog.IPoolCache
{
    public string Purpose => "the regional supply counts";

    private readonly Catalog.StampedSnapshot<Stamp, Snapshot> _snapshot = new();

    /// <summary>Per scenario id, the solutions available in <paramref name="regionCode"/> and their providers; scenarios without any are absent.</summary>
    public async Task<IReadOnlyDictionary<string, ScenarioOffer>> ForRegionAsync(PlatformDbContext db, string regionCode, CancellationToken ct = default)
    {
        var snapshot = await CurrentAsync(db, ct);
        return snapshot.Regions.GetOrAdd(regionCode, code => Count(snapshot.Providers, code));
    }

    /// <summary>Reads the pool once, so the first console page after a start does not wait for it (<see cref="Catalog.PoolCacheWarmup"/>).</summary>
    public Task WarmAsync(PlatformDbContext db, CancellationToken ct = default) => CurrentAsync(db, ct);

    private async Task<Snapshot> CurrentAsync(PlatformDbContext db, CancellationToken ct) =>
        await _snapshot.GetAsync(await StampAsync(db, ct), async c => new Snapshot(await LoadAsync(db, c)), ct);

    private static async Task<Stamp> StampAsync(PlatformDbContext db, CancellationToken ct)
    {
        var solutions = await db.Solutions.CountAsync(ct);
        var solutionChange = solutions == 0 ? default : await db.Solutions.MaxAsync(s => s.UpdatedAt, ct);
        var providers = await db.Providers.CountAsync(ct);
        var providerChange = providers == 0 ? default : await db.Providers.MaxAsync(p => p.UpdatedAt, ct);
        return new Stamp(solutions, solutionChange, providers, providerChange);
    }

    private static async Task<IReadOnlyList<ProviderOffer>> LoadAsync(PlatformDbContext db, CancellationToken ct)
    {
        var providers = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.RegionsServed }).ToListAsync(ct);
        var solutions = await db.Solutions.AsNoTracking().Select(s => new { s.ProviderId, s.Scenarios }).ToListAsync(ct);
        var perProvider = new Dictionary<Guid, Dictionary<string, int>>();
        foreach (var s in solutions)
        {
            if (!perProvider.TryGetValue(s.ProviderId, out var scenarios)) perProvider[s.ProviderId] = scenarios = new(StringComparer.Ordinal);
            // a solution listing a scenario twice is still one solution of it
            foreach (var scenario in s.Scenarios.Distinct(StringComparer.Ordinal)) scenarios[scenario] = scenarios.GetValueOrDefault(scenario) + 1;
        }
        return providers.Where(p => perProvider.ContainsKey(p.Id))
            .Select(p => new ProviderOffer(p.RegionsServed, perProvider[p.Id])).ToList();
    }

    private static Dictionary<string, ScenarioOffer> Count(IReadOnlyList<ProviderOffer> providers, string regionCode)
    {
        var counts = new Dictionary<string, ScenarioOffer>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            if (!RegionScope.Serves(provider.RegionsServed, regionCode)) continue;
            foreach (var (scenario, solutions) in provider.SolutionsPerScenario)
            {
                var sum = counts.GetValueOrDefault(scenario);
                counts[scenario] = new ScenarioOffer(sum.Solutions + solutions, sum.Providers + 1);
            }
        }
        return counts;
    }

    private sealed record Stamp(int Solutions, DateTime SolutionChange, int Providers, DateTime ProviderChange);

    /// <summary>One provider with solutions: where it serves, and its solutions per scenario.</summary>
    private sealed record ProviderOffer(IReadOnlyList<string> RegionsServed, IReadOnlyDictionary<string, int> SolutionsPerScenario);

    private sealed record Snapshot(IReadOnlyList<ProviderOffer> Providers)
    {
        public ConcurrentDictionary<string, IReadOnlyDictionary<string, ScenarioOffer>> Regions { get; } = new(StringComparer.Ordinal);
    }
}

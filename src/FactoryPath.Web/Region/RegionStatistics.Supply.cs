using FactoryPath.Core.Catalog.Tiers;
using FactoryPath.Web.Demonstration;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Regional;

/// <summary>The supply and recognition parts: solutions and demands per typical scenario, recognised enterprises per tier.</summary>
public sealed partial class RegionStatistics
{
    /// <summary>
    /// Every typical scenario of the library, in the library's order (a scenario nobody offers shows 0: that gap is what
    /// a region needs to see): the pool's solutions available to the region's enterprises and their providers, from
    /// <see cref="ScenarioSupplyCache"/>, beside the demands of the region's enterprises that name the scenario.
    /// <para>
    /// Solutions and providers are not enterprise data and are shown as they are. The enterprises posting demands for a
    /// scenario are suppressed as one group (primary and complementary, <see cref="Suppression.Group"/>): a demand names
    /// one scenario more often than several, so the column may add up to the enterprises behind the posted demands, and
    /// a lone hidden cell could otherwise be worked out from that total. A scenario's demand count is hidden with its
    /// enterprises, as in the market stages.
    /// </para>
    /// </summary>
    public async Task<IReadOnlyList<ScenarioSupply>> SolutionsAsync(RegionRef region, CancellationToken ct = default)
    {
        var offers = await supply.ForRegionAsync(db, region.Code, ct);
        // the scenarios of the region's demands, counted here: expanding a list column in the query needs a lateral join,
        // which EF Core cannot write for SQLite; a region's demands are few beside its enterprises and results
        var demands = await (from d in db.Demands.AsNoTracking()
                             join e in EnterprisesIn(region) on d.EnterpriseId equals e.Id
                             select new { d.EnterpriseId, d.Scenarios }).ToListAsync(ct);
        var posted = demands.SelectMany(d => d.Scenarios.Distinct(StringComparer.Ordinal).Select(s => (Scenario: s, d.EnterpriseId)))
            .GroupBy(x => x.Scenario, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Demands: g.Count(), Enterprises: g.Select(x => x.EnterpriseId).Distinct().Count()), StringComparer.Ordinal);
        var library = scenarios.Scenarios;
        var enterprises = Suppression.Group(library.Select(s => posted.TryGetValue(s.Id, out var p) ? p.Enterprises : 0).ToList());
        return library.Select((s, i) =>
        {
            var offer = offers.GetValueOrDefault(s.Id);
            var demands = enterprises[i].Suppressed ? StatCell.Hidden() : StatCell.Shown(posted.TryGetValue(s.Id, out var p) ? p.Demands : 0);
            return new ScenarioSupply(s.Id, s.Name.Zh, s.Name.En, offer.Solutions, offer.Providers, demands, enterprises[i]);
        }).ToList();
    }

    /// <summary>
    /// Enterprises of the region holding each tier (an approved application), in the tier file's order. Each count is
    /// suppressed on its own (<see cref="Suppression.Single"/>): an enterprise may hold several tiers, so the counts add up
    /// to no published total. The authorities do announce recognised factories, but an approval on this platform is not
    /// that announcement and a region's list may not be public yet, so the counts are treated as any other count of
    /// enterprises — the same as GET /api/v1/region/{code}/recognitions, which serves these rows.
    /// </summary>
    public async Task<IReadOnlyList<RecognitionCount>> RecognitionsAsync(RegionRef region, CancellationToken ct = default)
    {
        var rows = await (from a in db.DemonstrationApplications.AsNoTracking()
                          join e in EnterprisesIn(region) on a.EnterpriseId equals e.Id
                          where a.Status == ApplicationStatus.Approved
                          select new { a.Tier, a.EnterpriseId }).Distinct().ToListAsync(ct);
        var counts = rows.GroupBy(r => r.Tier).ToDictionary(g => g.Key, g => g.Count());
        return tiers.Tiers.Select(t =>
        {
            var review = TierDefinition.ReviewName(t.Review);
            return new RecognitionCount(t.Tier, t.Name.Zh, t.Name.En, t.Review, review.Zh, review.En, Suppression.Single(counts.GetValueOrDefault(t.Tier)));
        }).ToList();
    }
}

using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Roadmap;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Roadmap;

/// <summary>
/// Roadmaps for the GB/T 39116-structured self-check (staged rule, threshold 0.8). The sheet below meets every level-1
/// requirement and every level-2 requirement except four: equipment-care-l2 not met (0), energy-l2 partly (0.5),
/// data-l2 partly (0.5), sales-l2 not met (0). Each sub-domain has one requirement per level, so its level-2 mean is
/// that rating: the short sub-domains are equipment-care (shortfall 0.8), sales (0.8), data (0.3), energy (0.3).
/// </summary>
public class StagedRoadmapTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private static AssessmentResult FourShort() => Scorer.Score(ShippedModels.Cmmm, Sheet.CmmmUpTo(1)
        .Option("strategy-l2", "full").Option("skills-l2", "full").Option("integration-l2", "full").Option("infosec-l2", "full")
        .Option("equipment-l2", "full").Option("network-l2", "full").Option("product-design-l2", "full").Option("process-design-l2", "full")
        .Option("procurement-l2", "full").Option("planning-l2", "full").Option("operations-l2", "full").Option("warehousing-l2", "full")
        .Option("safety-environment-l2", "full").Option("logistics-l2", "full").Option("customer-service-l2", "full").Option("product-service-l2", "full")
        .Option("equipment-care-l2", "not").Option("energy-l2", "partly").Option("data-l2", "partly").Option("sales-l2", "not"));

    [Fact]
    public void Plan_FourShortSubDomains_CoversThemGreedily()
    {
        // Candidates (guide scenarios improving a short sub-domain) and their gains:
        //   equipment-fault-prediction: equipment-care 0.8 + data 0.3 = 1.1  <- first; needs equipment-monitoring
        //     (equipment-care 0.8, a candidate), which comes before it and lifts equipment-care; the step itself lifts data
        //   then with sales and energy short: mass-customization 0.8 (library order before precision-marketing 0.8);
        //     its prerequisites improve no short sub-domain, so they are not candidates (those capabilities already meet level 2)
        //   then energy: smart-energy-control 0.3 (before carbon-asset-management) -> no sub-domain short: level 2 reached.
        var result = FourShort();
        Assert.Equal(1, result.Level.Number);

        var map = RoadmapPlanner.Plan(ShippedModels.Cmmm, result, Library);

        Assert.Equal(2, map.Target!.Number);
        Assert.Equal(["equipment-monitoring", "equipment-fault-prediction", "mass-customization", "smart-energy-control"], map.Steps.Select(s => s.ScenarioId));
        Assert.Equal([true, false, false, false], map.Steps.Select(s => s.IsPrerequisite));
        Assert.Equal(["equipment-care"], map.Steps[0].Lifts!.Select(l => l.DomainId));
        Assert.Equal(["data"], map.Steps[1].Lifts!.Select(l => l.DomainId));
        Assert.Equal(0.5m, map.Steps[1].Lifts![0].From);
        Assert.Equal(0.8m, map.Steps[1].Lifts![0].Threshold);
        Assert.Equal(1.1m, map.Steps[1].RankGain);
        Assert.Equal("Brings Data to the Level 2 (Standardised) requirements; 2 sub-domain(s) still short", map.Steps[1].Effect.En);
        Assert.Equal("使“数据”达到二级（规范级）要求；还差 2 个子域", map.Steps[1].Effect.Zh);
        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Equal(4, reaching.Order);
        Assert.Contains("4 sub-domain(s) are below the Level 2 (Standardised) requirements", map.Summary.En);
        Assert.Contains("the first 4 step(s) in order reach", map.Summary.En);
    }

    [Fact]
    public void Plan_FourShortSubDomains_SmallDiscreteFirm_PrefersSaasScenes()
    {
        // Small (× 1.5 equipment-monitoring, × 1.3 precision-marketing, × 1.3 smart-business-decision) and discrete
        // (× 1.2 equipment-monitoring, × 1.3 quality-traceability):
        //   equipment-monitoring 0.8 × 1.8 = 1.44 > equipment-fault-prediction 1.1 -> first (its prerequisites improve
        //   nothing short); then precision-marketing 0.8 × 1.3 = 1.04 > mass-customization 0.8 for sales; data:
        //   quality-traceability 0.3 × 1.3 = 0.39 ties smart-business-decision 0.39 and comes first in the library;
        //   energy: smart-energy-control 0.3.
        var options = new RoadmapOptions(SizeClass.Small, "34", RoadmapShaping.LoadEmbedded());

        var map = RoadmapPlanner.Plan(ShippedModels.Cmmm, FourShort(), Library, options);

        Assert.Equal(["equipment-monitoring", "precision-marketing", "quality-traceability", "smart-energy-control"], map.Steps.Select(s => s.ScenarioId));
        Assert.Equal(1.44m, map.Steps[0].RankGain);
        Assert.True(map.Steps[3].ReachesTarget);
    }

    [Fact]
    public void Plan_CmmmAtTheTop_IsEmpty()
    {
        var map = RoadmapPlanner.Plan(ShippedModels.Cmmm, Scorer.Score(ShippedModels.Cmmm, Sheet.CmmmUpTo(5)), Library);

        Assert.Equal(5, map.Current.Number);
        Assert.Null(map.Target);
        Assert.Empty(map.Steps);
    }

    [Fact]
    public void Plan_SubDomainNoScenarioImproves_SaysSoAndReachesNothing()
    {
        // A library whose one scenario improves only the network sub-domain; equipment-care stays short.
        const string yaml =
            "model: cmmm-selfcheck\n" +
            "links:\n" +
            "  - {id: l, name: {zh: 环节, en: Link}, order: 1}\n" +
            "groups:\n" +
            "  - source: miit-guide-2025\n" +
            "    scenarios:\n" +
            "      - {id: net, link: l, name: {zh: 网络, en: Network}, summary: {zh: 网络, en: Network}, improves: [network, data]}\n";
        var library = ScenarioLibraryLoader.LoadText(yaml, "small.yaml", models: null).Library!;

        var map = RoadmapPlanner.Plan(ShippedModels.Cmmm, FourShort(), library);

        var step = Assert.Single(map.Steps);
        Assert.False(step.ReachesTarget);
        Assert.Contains("No scenario in the library improves", map.Summary.En);
        Assert.Contains("Equipment management", map.Summary.En);
        Assert.Contains("“设备管理”", map.Summary.Zh);
    }

    [Fact]
    public void ShippedLibrary_MapsEveryCmmmSubDomain()
    {
        var subDomains = ShippedModels.Cmmm.Nodes.OfType<ModelGroup>().Where(g => g.Children.OfType<RatingQuestion>().Any()).Select(g => g.Id).ToHashSet();
        var mapped = Library.Scenarios.SelectMany(s => s.Improves).Where(t => t.ModelId == ShippedModels.Cmmm.Id).Select(t => t.NodeId).ToHashSet();

        Assert.Equal(20, subDomains.Count);
        Assert.Subset(subDomains, mapped);
        Assert.Subset(mapped, subDomains);
    }
}

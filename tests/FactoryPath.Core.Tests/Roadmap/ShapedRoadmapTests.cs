using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Roadmap;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Roadmap;

/// <summary>
/// Worked examples of roadmaps shaped by size class and industry (Roadmap/Data/roadmap-shaping.yaml). The unweighted
/// gains are those of <see cref="RoadmapPlannerTests"/>; the shaped gain multiplies them by the size-class weight and
/// the industry-group weight. The level effect is simulated on the unweighted result, so shaping moves steps, never
/// points.
/// </summary>
public class ShapedRoadmapTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();
    private static readonly RoadmapShaping Shaping = RoadmapShaping.LoadEmbedded();

    [Fact]
    public void Plan_Miit01_SmallDiscreteFirm_StartsWithSaasScenesAndReachesLevelTwoInFiveSteps()
    {
        // Small enterprise, division 34 (general equipment, discrete). Level 1 -> 2; scene value 6.67, constraint 13.33.
        //   supply-chain-digital-management: (7.5 + procurement 13.33 + warehousing-logistics 13.33) × 1.5 small = 51.25
        //   equipment-monitoring: (equipment-networking 6 + data-collection 8.4 + equipment-management (c) 13.33)
        //     × 1.5 small × 1.2 discrete = 49.92; it needs digital-infrastructure, which needs factory-digital-planning
        //   lean-digital-management: (16.5 + human-resources 6.67 + collaborative-office 6.67) × 1.4 small = 41.77
        //   mass-customization: 33.33 (no weight), so its design prerequisites no longer lead the roadmap.
        // Simulation from 21.85 points: +7.5, +13.5 (planning, funding) -> 42.85 >= 40 after step 2. Scenes at level 2:
        //   procurement (c), warehousing-logistics (c), decision-support, equipment-management (c), then
        //   human-resources and collaborative-office = 6 with 3 constraint -> step 5 reaches level 2.
        var map = Plan("miit-01-workshop-starting-out.json", SizeClass.Small, "34");

        Assert.Equal(
            ["supply-chain-digital-management", "factory-digital-planning", "digital-infrastructure", "equipment-monitoring", "lean-digital-management"],
            map.Steps.Take(5).Select(s => s.ScenarioId));
        Assert.Equal([false, true, true, false, false], map.Steps.Take(5).Select(s => s.IsPrerequisite));
        Assert.Equal(51.25m, map.Steps[0].RankGain);
        Assert.Equal(49.92m, map.Steps[3].RankGain);
        Assert.Equal(5, Assert.Single(map.Steps, s => s.ReachesTarget).Order);
        Assert.Equal("Order adjusted for: small enterprise, discrete manufacturing.", map.ShapedBy!.En);
        Assert.Equal("已按小型企业、离散型制造调整顺序。", map.ShapedBy.Zh);
        Assert.Equal(
            "Ordered by gain: 49.92 = (missing points 14.4 + scene value 13.33) × 1.5 (small firms favour low-cost, quick-return scenarios available as SaaS) × 1.2 (discrete industries weigh scheduling, changeover, traceability and design higher)",
            map.Steps[3].Why!.En);
        Assert.StartsWith("按增益排序：49.92 = (缺失分 14.4 + 场景价值 13.33) × 1.5（", map.Steps[3].Why!.Zh, StringComparison.Ordinal);
        Assert.Equal("提前：“设备运行监控”需要先完成本场景（本场景自身增益 20.17）", map.Steps[1].Why!.Zh);
    }

    [Fact]
    public void Plan_Miit03_MediumProcessFirm_PutsEnergySafetyAndQualityFirst()
    {
        // Medium enterprise, division 26 (chemicals, process). Level 2 -> 3; scene value 7.5, constraint 15.
        //   smart-energy-control: (10 + energy-management (c) 15) × 1.6 process = 40, after its prerequisites
        //     factory-digital-planning and digital-infrastructure (both candidates)
        //   integrated-safety-control: (9 + production-safety (c) 15) × 1.6 = 38.4
        //   supply-chain-digital-management: 5 + 15 + 15 = 35 (no weight)
        //   online-smart-inspection: (13.5 + quality-management (c) 15) × 1.2 = 34.2
        //   quality-traceability: (6.5 + 15) × 1.2 medium × 1.3 process = 33.54, after production-progress-tracking
        //   online-pollution-control: (6.5 + 15) × 1.5 = 32.25
        //   advanced-process-control: (6.5 + 15) × 1.4 = 30.1, after equipment-monitoring
        //   mass-customization, the unshaped leader at 37.5, falls to 26.25 (× 0.7 process).
        // Simulation from 40 points: +10.5 (planning, funding), +14.5 -> 65 >= 60 after step 2. Scenes at level 3:
        //   decision-support, energy-management (c), production-safety (c), procurement (c), warehousing-logistics (c),
        //   quality-management (c), production-control (c), then equipment-management (c) at step 10 = 8 with 7 constraint.
        // Two steps more than the unshaped roadmap (8): shaping trades the shortest path for what matters in the industry.
        var map = Plan("miit-03-level-two-on-the-edges.json", SizeClass.Medium, "26");

        Assert.Equal(
            [
                "factory-digital-planning", "digital-infrastructure", "smart-energy-control", "integrated-safety-control",
                "supply-chain-digital-management", "online-smart-inspection", "production-progress-tracking", "quality-traceability",
                "online-pollution-control", "equipment-monitoring", "advanced-process-control",
            ],
            map.Steps.Take(11).Select(s => s.ScenarioId));
        Assert.Equal(33.54m, map.Steps[7].RankGain);
        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Equal("equipment-monitoring", reaching.ScenarioId);
        Assert.Equal("这十步完成后可达到三级", reaching.Effect.Zh);
        Assert.Equal("Brought forward: “Advanced process control” needs it first (its own gain is 26)", reaching.Why!.En);
    }

    [Fact]
    public void Plan_SameSheet_DifferentFirms_GetDifferentFirstSteps()
    {
        var small = Plan("miit-01-workshop-starting-out.json", SizeClass.Small, "34");
        var process = Plan("miit-01-workshop-starting-out.json", SizeClass.Medium, "26");
        var plain = Plan("miit-01-workshop-starting-out.json", null, null);

        Assert.Equal("supply-chain-digital-management", small.Steps[0].ScenarioId);
        Assert.Equal("integrated-safety-control", process.Steps.First(s => !s.IsPrerequisite).ScenarioId);
        Assert.Equal("product-digital-design", plain.Steps[1].ScenarioId);
        Assert.Null(plain.ShapedBy);
    }

    [Fact]
    public void Plan_DivisionInNoGroup_IsShapedBySizeOnly()
    {
        // 17 textiles mixes continuous and batch work; the shaping file leaves it neutral.
        var map = Plan("miit-01-workshop-starting-out.json", SizeClass.Micro, "17");

        Assert.Equal("Order adjusted for: micro enterprise.", map.ShapedBy!.En);
    }

    [Theory]
    [InlineData(SizeClass.Micro, "13")]
    [InlineData(SizeClass.Small, "26")]
    [InlineData(SizeClass.Medium, "36")]
    [InlineData(SizeClass.Large, "39")]
    public void Plan_Shaped_KeepsPrerequisitesFirstAndTheLevelEffect(SizeClass size, string division)
    {
        foreach (var file in new[] { "miit-01-workshop-starting-out.json", "miit-03-level-two-on-the-edges.json", "miit-04-level-three.json" })
        {
            var map = Plan(file, size, division);

            var position = map.Steps.ToDictionary(s => s.ScenarioId, s => s.Order);
            foreach (var step in map.Steps)
            {
                foreach (var prerequisite in Library.PrerequisitesInOrder(step.ScenarioId))
                {
                    if (position.TryGetValue(prerequisite.Id, out var order))
                    {
                        Assert.True(order < step.Order, $"{file}: {prerequisite.Id} should come before {step.ScenarioId}");
                    }
                }
            }

            Assert.Single(map.Steps, s => s.ReachesTarget);
            Assert.All(map.Steps, s => Assert.False(string.IsNullOrEmpty(s.Why?.Zh)));
        }
    }

    [Fact]
    public void Plan_WithCosts_PricesEachStepAndTotalsUpToTheTarget()
    {
        // Steps 1-5 of the small discrete roadmap above; digital-infrastructure has no solution yet.
        var costs = new ScenarioCostTable(new Dictionary<string, ScenarioCost>
        {
            ["supply-chain-digital-management"] = new(20_000, 60_000, 6, 12),
            ["factory-digital-planning"] = new(50_000, 90_000, 8, 3),
            ["equipment-monitoring"] = new(10_000, 30_000, 4, 40),
            ["lean-digital-management"] = new(15_000, 25_000, 3, 7),
            ["mass-customization"] = new(500_000, 900_000, 30, 2),
        });

        var map = Plan("miit-01-workshop-starting-out.json", SizeClass.Small, "34", costs);

        Assert.Equal(new ScenarioCost(20_000, 60_000, 6, 12), map.Steps[0].Cost);
        Assert.Null(map.Steps[2].Cost);
        // 20k + 50k + 10k + 15k = 95k; 60k + 90k + 30k + 25k = 205k; 6 + 8 + 4 + 3 = 21 weeks; mass-customization (later) not counted
        Assert.Equal(new RoadmapCostTotal(95_000, 205_000, 21, 5, 1), map.CostToTarget);
    }

    [Fact]
    public void Plan_WithoutCosts_HasNoTotal()
    {
        var map = Plan("miit-01-workshop-starting-out.json", SizeClass.Small, "34");

        Assert.Null(map.CostToTarget);
        Assert.All(map.Steps, s => Assert.Null(s.Cost));
    }

    private static FactoryPath.Core.Roadmap.Roadmap Plan(string file, SizeClass? size, string? division, IScenarioCosts? costs = null)
    {
        var sheet = AssessmentJson.Deserialize<AnswerSheetData>(File.ReadAllText(TestFiles.WorkedExample(file)))!;
        return RoadmapPlanner.Plan(ShippedModels.Miit, Scorer.Score(ShippedModels.Miit, sheet), Library, new RoadmapOptions(size, division, Shaping, costs));
    }
}

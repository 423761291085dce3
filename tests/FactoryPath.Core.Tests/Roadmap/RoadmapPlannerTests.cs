using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Roadmap;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Roadmap;

/// <summary>
/// Roadmaps for the MIIT worked-example sheets (see Assessment/WorkedExamples for how each sheet scores).
/// Ranking gain = missing points of the questions a scenario improves + a scene value per improved scene below the
/// target scene level; scene value = target minScore / minScenes, doubled for constraint scenes while the target
/// still lacks constraint scenes.
/// </summary>
public class RoadmapPlannerTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    public static TheoryData<string> MiitSheetsBelowTop => new()
    {
        "miit-01-workshop-starting-out.json",
        "miit-02-scores-well-but-few-scenes.json",
        "miit-03-level-two-on-the-edges.json",
        "miit-04-level-three.json",
        "miit-06-one-constraint-scene-short-of-level-four.json",
    };

    [Fact]
    public void Plan_Miit01_StartsWithSupplyChainThenMassCustomizationAndItsPrerequisites()
    {
        // Level 1 -> target level 2: 40 points, 6 scenes at level 2, 3 of them constraint. No scene is at 2 yet, so
        // the scene value is 40 / 6 = 6.67 and a constraint scene counts 13.33.
        //   supply-chain-digital-management: information-systems 10 - 2.5 = 7.5 + procurement (c) 13.33
        //     + warehousing-logistics (c) 13.33 = 34.17  <- highest
        //   mass-customization: 0 points + product-design (c) 13.33 + marketing (c) 13.33 + planning-scheduling 6.67 = 33.33
        //     needs product-digital-design, then process-digital-design -> flexible-line-changeover first.
        // Simulation: 21.85 + 7.5 + 0 (information-systems already filled) + data-collection 8.4
        //   + equipment-digitization 4.5 + 0 = 42.25 >= 40; scenes at 2: procurement, warehousing-logistics,
        //   product-design, process-design, production-control, then marketing, planning-scheduling = 7 >= 6 (5 constraint)
        //   after step 4 only 5 scenes -> step 5 reaches level 2.
        var map = Plan("miit-01-workshop-starting-out.json");

        Assert.Equal(1, map.Current.Number);
        Assert.Equal(2, map.Target!.Number);
        Assert.Equal(
            ["supply-chain-digital-management", "product-digital-design", "process-digital-design", "flexible-line-changeover", "mass-customization"],
            map.Steps.Take(5).Select(s => s.ScenarioId));
        Assert.Equal([false, true, true, true, false], map.Steps.Take(5).Select(s => s.IsPrerequisite));
        Assert.Equal(7.5m, map.Steps[0].PointsGain);
        Assert.Equal(["procurement", "warehousing-logistics"], map.Steps[0].ScenesRaised);
        Assert.Equal("+7.5 points; raises 2 scenes", map.Steps[0].Effect.En);
        Assert.Equal("+7.5 分；提升 2 个场景", map.Steps[0].Effect.Zh);
        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Equal(5, reaching.Order);
        Assert.Equal("With these 5 steps done, the enterprise reaches Level 2", reaching.Effect.En);
        Assert.Equal("这五步完成后可达到二级", reaching.Effect.Zh);
        Assert.Contains("the first 5 step(s) in order reach Level 2", map.Summary.En);
    }

    [Fact]
    public void Plan_Miit02_OneScenarioAddingScenesReachesLevelOne()
    {
        // Not rated -> target level 1: 20 points, 6 scenes at level 1, 3 constraint. The score (68.65) and the
        // constraint scenes (3) are met; one scene is missing. Scene value 20 / 6 = 3.33 (no constraint bonus).
        //   lean-digital-management: management-rules 1.875 + cost-per-revenue 1.5 + talent 3 = 6.375
        //     + human-resources 3.33 + collaborative-office 3.33 = 13.04  <- highest
        //   factory-digital-planning: planning 3 + funding 5.625 + decision-support 3.33 = 11.96
        //   equipment-monitoring: equipment-networking 1.5 + data-collection 5.1 + equipment-management 3.33 = 9.93,
        //     after its prerequisite digital-infrastructure (5.75, comes already after factory-digital-planning).
        // Step 1 lifts the scenes at level 1 from 5 to 7 >= 6 -> level 1.
        var map = Plan("miit-02-scores-well-but-few-scenes.json");

        Assert.Equal(0, map.Current.Number);
        Assert.Equal(1, map.Target!.Number);
        Assert.Equal(
            ["lean-digital-management", "factory-digital-planning", "digital-infrastructure", "equipment-monitoring"],
            map.Steps.Take(4).Select(s => s.ScenarioId));
        Assert.True(map.Steps[2].IsPrerequisite);
        Assert.Equal(6.375m, map.Steps[0].PointsGain);
        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Equal(1, reaching.Order);
        Assert.Equal("With this step done, the enterprise reaches Level 1", reaching.Effect.En);
        Assert.Equal("这一步完成后可达到一级", reaching.Effect.Zh);
    }

    [Fact]
    public void Plan_Miit03_ReachesLevelThreeAfterEightSteps()
    {
        // Level 2 -> target level 3: 60 points, 8 scenes at level 3, 5 constraint; no scene is at 3 yet.
        // Scene value 60 / 8 = 7.5, constraint 15.
        //   mass-customization: product-design (c) 15 + marketing (c) 15 + planning-scheduling 7.5 = 37.5  <- highest,
        //     so its prerequisites product-digital-design, process-digital-design, flexible-line-changeover come first
        //   supply-chain-digital-management: information-systems 5 + procurement (c) 15 + warehousing-logistics (c) 15 = 35
        //   precise-material-delivery: warehousing-logistics (c) 15 + production-control (c) 15 = 30, after smart-warehousing
        //   digital-twin-factory: data-collection 6.5 + production-control (c) 15 + decision-support 7.5 = 29,
        //     after factory-digital-planning, digital-infrastructure, equipment-monitoring
        // Simulation: 40 + 5 + 6.5 + 3 + 0 + 0 + 0 + 0 = 54.5 after step 7; factory-digital-planning adds planning 3
        //   + funding 7.5 = 65 >= 60 and raises decision-support: 8 scenes at 3 (5 constraint) -> step 8 reaches level 3.
        var map = Plan("miit-03-level-two-on-the-edges.json");

        Assert.Equal(3, map.Target!.Number);
        Assert.Equal(
            [
                "product-digital-design", "process-digital-design", "flexible-line-changeover", "mass-customization",
                "supply-chain-digital-management", "smart-warehousing", "precise-material-delivery", "factory-digital-planning",
            ],
            map.Steps.Take(8).Select(s => s.ScenarioId));
        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Equal("factory-digital-planning", reaching.ScenarioId);
        Assert.True(reaching.IsPrerequisite);
        Assert.Equal("这八步完成后可达到三级", reaching.Effect.Zh);
        // management-rules 3.75 + cost-per-revenue 0 + talent 6 = 9.75 (the scorer's 3.750 keeps no trailing zero)
        var lean = Assert.Single(map.Steps, s => s.ScenarioId == "lean-digital-management");
        Assert.Equal("9.75", lean.PointsGain.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Plan_Miit04_PutsConstraintScenesFirstTowardsLevelFour()
    {
        // Level 3 -> target level 4: 80 points, 10 scenes at level 4, 6 constraint; only marketing (c) is at 4.
        // Scene value 80 / 10 = 8, constraint 16.
        //   supply-chain-digital-management: information-systems 2.5 + procurement (c) 16 + warehousing-logistics (c) 16 = 34.5
        //   precise-material-delivery: warehousing-logistics (c) 16 + production-control (c) 16 = 32, after smart-warehousing
        //   manufacturing-engineering-optimization: process-design 8 + production-control (c) 16 + cost-per-revenue 3 = 27,
        //     after product-digital-design and process-digital-design
        var map = Plan("miit-04-level-three.json");

        Assert.Equal(4, map.Target!.Number);
        Assert.Equal(
            ["supply-chain-digital-management", "smart-warehousing", "precise-material-delivery", "product-digital-design", "process-digital-design", "manufacturing-engineering-optimization"],
            map.Steps.Take(6).Select(s => s.ScenarioId));
        Assert.Single(map.Steps, s => s.ReachesTarget);
    }

    [Theory]
    [MemberData(nameof(MiitSheetsBelowTop))]
    public void Plan_MiitSheets_PrerequisitesComeFirstWithoutDuplicates(string file)
    {
        var map = Plan(file);

        Assert.Equal(map.Steps.Count, map.Steps.Select(s => s.ScenarioId).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, map.Steps.Count), map.Steps.Select(s => s.Order));
        var position = map.Steps.ToDictionary(s => s.ScenarioId, s => s.Order);
        foreach (var step in map.Steps)
        {
            foreach (var prerequisite in Library.PrerequisitesInOrder(step.ScenarioId))
            {
                if (position.TryGetValue(prerequisite.Id, out var order))
                {
                    Assert.True(order < step.Order, $"{prerequisite.Id} should come before {step.ScenarioId}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(MiitSheetsBelowTop))]
    public void Plan_MiitSheets_ExactlyOneStepReachesTheTarget(string file)
    {
        // The shipped library improves every question and scene of the model, so all its steps together always reach
        // the next level; the step that does is named once.
        var map = Plan(file);

        var reaching = Assert.Single(map.Steps, s => s.ReachesTarget);
        Assert.Contains($"the first {reaching.Order} step(s)", map.Summary.En);
    }

    [Fact]
    public void Plan_Miit06_OneSupplyChainScenarioLiftsTheMissingConstraintScene()
    {
        // Level 3 -> level 4 lacks one constraint scene at 4. supply-chain-digital-management raises procurement (c) and
        // warehousing-logistics (c): 16 + 16 = 32, the highest gain, and completes the level at once.
        var map = Plan("miit-06-one-constraint-scene-short-of-level-four.json");

        Assert.Equal("supply-chain-digital-management", map.Steps[0].ScenarioId);
        Assert.True(map.Steps[0].ReachesTarget);
    }

    [Fact]
    public void Plan_Miit05_AtTheTopLevel_IsEmpty()
    {
        var map = Plan("miit-05-level-four.json");

        Assert.Equal(4, map.Current.Number);
        Assert.Null(map.Target);
        Assert.Empty(map.Steps);
        Assert.Contains("top level", map.Summary.En);
        Assert.Contains("最高等级", map.Summary.Zh);
    }

    [Fact]
    public void Plan_SmallLibrary_ThatCannotReachTheTarget_MarksNoStep()
    {
        // A library with one scenario improving one question: the empty sheet (0 points, all scenes at 0) gains
        // network 8 points but still lacks 12 points and every scene for level 1, so no step reaches the target.
        const string yaml =
            "model: miit-sme-digital-level\n" +
            "links:\n" +
            "  - {id: factory-construction, name: {zh: 工厂建设, en: Factory construction}, order: 1}\n" +
            "groups:\n" +
            "  - source: miit-guide-2025\n" +
            "    scenarios:\n" +
            "      - id: only-network\n" +
            "        link: factory-construction\n" +
            "        name: {zh: 网络, en: Network}\n" +
            "        summary: {zh: 网络, en: Network}\n" +
            "        improves: [network]\n";
        var library = ScenarioLibraryLoader.LoadText(yaml, "small.yaml", models: null).Library!;
        var result = Scorer.Score(ShippedModels.Miit, Sheet.MiitNothing());

        var map = RoadmapPlanner.Plan(ShippedModels.Miit, result, library);

        var step = Assert.Single(map.Steps);
        Assert.Equal(8m, step.PointsGain);
        Assert.False(step.ReachesTarget);
        Assert.Equal("+8 points; raises 0 scenes", step.Effect.En);
        Assert.Contains("still 12 points, 6 scene(s), 3 constraint scene(s) short", map.Summary.En);
    }

    private static FactoryPath.Core.Roadmap.Roadmap Plan(string file)
    {
        var sheet = AssessmentJson.Deserialize<AnswerSheetData>(File.ReadAllText(TestFiles.WorkedExample(file)))!;
        return RoadmapPlanner.Plan(ShippedModels.Miit, Scorer.Score(ShippedModels.Miit, sheet), Library);
    }
}

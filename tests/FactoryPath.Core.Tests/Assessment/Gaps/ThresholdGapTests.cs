using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Gaps;

public class ThresholdGapTests
{
    [Fact]
    public void ScoreSteps_CheapestFirst_AndJustEnoughToCloseTheGap()
    {
        // Nothing answered above the minimum, scenes good enough for level 1: only points are missing (20).
        var sheet = Sheet.MiitNothing();
        foreach (var scene in ShippedModels.Miit.Scenes.Where(s => s.Constraint).Take(6))
        {
            sheet = sheet.Level(scene.Id, 1);
        }

        var gap = Scorer.Score(ShippedModels.Miit, sheet).NextLevelGap!;

        Assert.Equal(1, gap.Target.Number);
        Assert.Equal(20m, gap.ScoreMissing);
        var steps = gap.Steps.Where(s => s.Kind == GapStepKind.Score).ToList();
        Assert.Equal(gap.Steps.Count, steps.Count);
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.True(
            pair.First.Effort < pair.Second.Effort || (pair.First.Effort == pair.Second.Effort && pair.First.Points >= pair.Second.Points),
            $"{pair.First.NodeId} should not come before {pair.Second.NodeId}"));
        Assert.True(steps.Sum(s => s.Points) >= 20m);
        Assert.True(steps.Sum(s => s.Points) - steps[^1].Points < 20m, "the last step should be needed");

        // The biggest one-step gain from the bottom is a trend moving from worse to flat: 3.5 points.
        Assert.Equal(1, steps[0].Effort);
        Assert.Equal(3.5m, steps[0].Points);
    }

    [Fact]
    public void ScoreSteps_WhenFirstStepsAreNotEnough_ClimbFurtherUpTheSameQuestion()
    {
        // One question with options worth 0, 2, 4 and 10; level 1 needs 8 points. From 0 the first step (+2) is not
        // enough, so the plan climbs: +2 (effort 1), +2 (effort 2), +6 (effort 3).
        var yaml = ModelText.WithQuestion(
            "- id: q\n" +
            "  kind: single\n" +
            "  name: {zh: 题, en: Question}\n" +
            "  points: 10\n" +
            "  options:\n" +
            "    - {key: a, label: {zh: 甲, en: A}, points: 0}\n" +
            "    - {key: b, label: {zh: 乙, en: B}, points: 2}\n" +
            "    - {key: c, label: {zh: 丙, en: C}, points: 4}\n" +
            "    - {key: d, label: {zh: 丁, en: D}, points: 10}\n").Replace("minScore: 5", "minScore: 8");
        var model = ModelText.LoadValid(yaml);

        var gap = Scorer.Score(model, Sheet.Empty.Option("q", "a")).NextLevelGap!;

        Assert.Equal(8m, gap.ScoreMissing);
        Assert.Equal([(1, 2m), (2, 2m), (3, 6m)], gap.Steps.Select(s => (s.Effort, s.Points)));
        Assert.Contains("\"D\"", gap.Steps[2].Text.En);
    }

    [Fact]
    public void BandUpgrade_NamesTheCountNeededForTheNextBand()
    {
        var question = Assert.IsType<BandQuestion>(ShippedModels.Miit.FindQuestion("equipment-digitization"));
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", 40), ("digital", 6)); // 15 %, band B
        var upgrades = question.Upgrades(sheet.Get("equipment-digitization")!, new AnswerContext(ShippedModels.Miit, sheet));

        // Band C is (20%,40%]: 8 of 40 is exactly 20 % and stays in B, so 9 are needed.
        Assert.Equal(3, upgrades.Count);
        Assert.Equal(1.5m, upgrades[0].Points);
        Assert.Contains("at least 9 (now 6)", upgrades[0].Text.En);
        Assert.Contains("至少达到 9", upgrades[0].Text.Zh);
    }

    [Theory]
    [InlineData(10, 1, 2)] // exactly 10 % is band A; (10%,20%] needs more than 1
    [InlineData(100, 10, 11)]
    [InlineData(3, 0, 1)] // 1/3 = 33 % jumps straight past (10%,20%]: the B step still names 1 as the minimum
    public void BandUpgrade_MinimumCountRespectsOpenEdges(int total, int digital, int expected)
    {
        var question = Assert.IsType<BandQuestion>(ShippedModels.Miit.FindQuestion("equipment-digitization"));
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", total), ("digital", digital));

        var first = question.Upgrades(sheet.Get("equipment-digitization")!, new AnswerContext(ShippedModels.Miit, sheet))[0];

        Assert.Contains($"at least {expected} ", first.Text.En);
    }

    [Fact]
    public void SceneSteps_ConstraintScenesFirstWhenTheyAreShort()
    {
        // Full score. Level 1 holds (7 scenes at >= 1, 3 constraint). Level 2 needs 6 scenes at >= 2, 3 of them
        // constraint: only 3 ordinary scenes are at 2, so 3 more are needed and all 3 must be constraint scenes.
        var sheet = Sheet.MiitFull(0)
            .Level("process-design", 2).Level("after-sales", 2).Level("planning-scheduling", 2)
            .Level("human-resources", 1) // ordinary scene, as close as the constraint ones: must not be picked
            .Level("product-design", 1).Level("marketing", 1).Level("production-control", 1);

        var result = Scorer.Score(ShippedModels.Miit, sheet);
        var gap = result.NextLevelGap!;

        Assert.Equal(1, result.Level.Number);
        Assert.Equal(2, gap.Target.Number);
        Assert.Equal(3, gap.ScenesMissing);
        Assert.Equal(3, gap.ConstraintScenesMissing);
        Assert.Equal(["product-design", "marketing", "production-control"], gap.Steps.Select(s => s.NodeId));
        Assert.All(gap.Steps, s => Assert.Equal((GapStepKind.Scene, 1), (s.Kind, s.Effort)));
    }

    [Fact]
    public void SceneSteps_ClosestScenesFirstWhenConstraintCountIsMet()
    {
        // Three constraint scenes at 2 already; three more scenes at >= 2 of any kind are needed.
        var sheet = Sheet.MiitFull(0)
            .Level("product-design", 2).Level("marketing", 2).Level("production-control", 2)
            .Level("decision-support", 1).Level("human-resources", 1).Level("equipment-management", 1);

        var gap = Scorer.Score(ShippedModels.Miit, sheet).NextLevelGap!;

        Assert.Equal(2, gap.Target.Number);
        Assert.Equal(0, gap.ConstraintScenesMissing);
        Assert.Equal(3, gap.ScenesMissing);
        Assert.Equal(["equipment-management", "human-resources", "decision-support"], gap.Steps.Select(s => s.NodeId));
    }

    [Fact]
    public void Summary_SaysWhatIsMissingInBothLanguages()
    {
        var sheet = Sheet.MiitNothing();

        var gap = Scorer.Score(ShippedModels.Miit, sheet).NextLevelGap!;

        Assert.Contains("20", gap.Summary.Zh);
        Assert.Contains("一级", gap.Summary.Zh);
        Assert.Contains("Level 1", gap.Summary.En);
        Assert.Contains("6 more scene(s)", gap.Summary.En);
    }
}

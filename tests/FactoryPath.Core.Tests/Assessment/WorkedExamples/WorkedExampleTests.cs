using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.WorkedExamples;

/// <summary>
/// Complete answer sheets worked out by hand. Bands: [0%,10%] A, (10%,20%] B, (20%,40%] C, (40%,60%] D, (60%,100%] E,
/// worth 0/25/50/75/100 % of the question. Multi-choice options add up. Trends: worse/flat/better = 0/50/100 %.
/// </summary>
public class WorkedExampleTests
{
    [Theory]
    // miit-01: foundation = network B 2 + digital 6/40=15% B 1.5 + networked 3/40=7.5% A 0 + data N,O 0.7+0.9=1.6
    //   + systems B 2.5 + network security C 1.25 + data security none 0 = 8.85
    //   management = planning B 1.5 + rules none 0 + talent B 1.5 + funding A 0 = 3
    //   outcomes = energy flat 3.5 + quality flat 3.5 + revenue/employee up 3 + cost up 0 = 10; total 21.85
    //   scenes at >=1: 9 (6 constraint) -> L1 (>=20, >=6, >=3); L2 needs 40 points -> level 1
    [InlineData("miit-01-workshop-starting-out.json", 21.85, 8.85, 3, 10, 1)]
    // miit-02: foundation = network B,C,D 6 + digital 50/80=62.5% E 6 + networked 40/80=50% D 4.5 + data B..H 7x0.7=4.9
    //   + systems D 7.5 + network security 3x1.25=3.75 + data security 2x1.25=2.5 = 35.15
    //   management = planning D 4.5 + rules 3x1.875=5.625 + talent 3x1.5=4.5 + funding 300/2000=15% B 1.875 = 16.5
    //   outcomes = energy down 7 + quality up 7 + revenue flat 1.5 + cost flat 1.5 = 17; total 68.65
    //   only 5 scenes at >=1 (L1 needs 6) -> not rated (0) despite the score
    [InlineData("miit-02-scores-well-but-few-scenes.json", 68.65, 35.15, 16.5, 17, 0)]
    // miit-03: foundation = network B,C 4 + digital 6/20=30% C 3 + networked 4/20=20% (edge) B 1.5 + data B..F 5x0.7=3.5
    //   + systems C 5 + network security 2x1.25=2.5 + data security 1.25 = 20.75
    //   management = planning D 4.5 + rules 2x1.875=3.75 + talent 1.5 + funding A 0 = 9.75
    //   outcomes = energy flat 3.5 + quality down 0 + revenue up 3 + cost down 3 = 9.5; total exactly 40
    //   6 scenes at 2 of which 3 constraint, the rest at 1 -> L2 exactly on every threshold
    [InlineData("miit-03-level-two-on-the-edges.json", 40, 20.75, 9.75, 9.5, 2)]
    // miit-04: foundation = network 4x2=8 + digital 60/120=50% D 4.5 + networked 48/120=40% (edge) C 3
    //   + data 13x0.7=9.1 + systems D 7.5 + network security 5 + data security 3x1.25=3.75 = 40.85
    //   management = planning E 6 + rules 4x1.875=7.5 + talent 3x1.5=4.5 + funding C chosen 3.75 = 21.75
    //   outcomes = energy down 7 + quality up 7 + revenue flat 1.5 + cost up 0 = 15.5; total 78.1
    //   9 scenes at >=3 (6 constraint) -> L3; L4 needs 80 points and 10 scenes at 4 -> level 3
    [InlineData("miit-04-level-three.json", 78.1, 40.85, 21.75, 15.5, 3)]
    // miit-05: foundation = 8 + digital 95% E 6 + networked 70% E 6 + data all 10 + systems E 10 + network security 5
    //   + data security 3x1.25=3.75 = 48.75
    //   management = planning F 7.5 + rules 7.5 + talent 5x1.5=7.5 + funding 150/1000=15% B 1.875 = 24.375
    //   outcomes = 7 + 7 + revenue flat 1.5 + cost down 3 = 18.5; total 91.625
    //   10 scenes at 4 (7 constraint) -> level 4
    [InlineData("miit-05-level-four.json", 91.625, 48.75, 24.375, 18.5, 4)]
    // miit-06: foundation = 8 + digital 170/200=85% E 6 + networked 130/200=65% E 6 + 10 + 10 + 5 + 5 = 50
    //   management = 7.5 + 7.5 + talent 4x1.5=6 + funding D chosen 5.625 = 26.625
    //   outcomes = energy flat 3.5 + quality up 7 + revenue up 3 + cost down 3 = 16.5; total 93.125
    //   10 scenes at 4 but only 5 constraint (L4 needs 6) -> level 3
    [InlineData("miit-06-one-constraint-scene-short-of-level-four.json", 93.125, 50, 26.625, 16.5, 3)]
    public void Score_MiitWorkedExample_MatchesHandArithmetic(string file, double total, double foundation, double management, double outcomes, int level)
    {
        var result = Scorer.Score(ShippedModels.Miit, Load(file));

        Assert.Equal((decimal)total, result.TotalScore);
        Assert.Equal(100m, result.MaxScore);
        Assert.Equal((decimal)foundation, result.ScoreOf("foundation"));
        Assert.Equal((decimal)management, result.ScoreOf("management"));
        Assert.Equal((decimal)outcomes, result.ScoreOf("outcomes"));
        Assert.Equal(level, result.Level.Number);
    }

    [Theory]
    // cmmm-01: product service not applicable -> 19 sub-domains, max 95.
    //   L1 all full 19; L2 all full but skills mostly 18.8; L3 data, integration, equipment, network full 4 + strategy,
    //   skills partly 2x0.5 = 1; L4, L5 not met. Total 19 + 18.8 + 5 = 42.8
    //   personnel 2 + 1.8 + 1 = 4.8; technology 3 + 3 + 2 = 8; resources 2 + 2 + 2 = 6; manufacturing 12 + 12 = 24
    //   L2: skills 0.8 meets the 0.8 threshold; L3: most sub-domains 0 -> level 2
    [InlineData("cmmm-01-contract-maker-level-two.json", 42.8, 95, 4.8, 8, 6, 24, 2)]
    // cmmm-02: L1..L3 full except energy L1 partly (0.5); L4, L5 not met. Total 60 - 0.5 = 59.5 of 100
    //   personnel 2x3 = 6; technology 3x3 = 9; resources 2x3 = 6; manufacturing 13x3 - 0.5 = 38.5
    //   energy misses L1, so no level counts although L2 and L3 are met everywhere -> not rated (0)
    [InlineData("cmmm-02-one-gap-at-level-one.json", 59.5, 100, 6, 9, 6, 38.5, 0)]
    // cmmm-03: logistics not applicable -> max 95. Per sub-domain: 3 full + L4 mostly 0.8 + L5 partly 0.5 = 4.3
    //   personnel 2x4.3 = 8.6; technology 3x4.3 = 12.9; resources 8.6; manufacturing 12x4.3 = 51.6; total 19x4.3 = 81.7
    //   L4 means are exactly 0.8 (met); L5 means 0.5 -> level 4
    [InlineData("cmmm-03-level-four-on-the-threshold.json", 81.7, 95, 8.6, 12.9, 8.6, 51.6, 4)]
    public void Score_CmmmWorkedExample_MatchesHandArithmetic(string file, double total, double max, double personnel, double technology, double resources, double manufacturing, int level)
    {
        var result = Scorer.Score(ShippedModels.Cmmm, Load(file));

        Assert.Equal((decimal)total, result.TotalScore);
        Assert.Equal((decimal)max, result.MaxScore);
        Assert.Equal((decimal)personnel, result.ScoreOf("personnel"));
        Assert.Equal((decimal)technology, result.ScoreOf("technology"));
        Assert.Equal((decimal)resources, result.ScoreOf("resources"));
        Assert.Equal((decimal)manufacturing, result.ScoreOf("manufacturing"));
        Assert.Equal(level, result.Level.Number);
    }

    [Fact]
    public void Gap_Miit02_NeedsOneMoreSceneOnly()
    {
        var gap = Scorer.Score(ShippedModels.Miit, Load("miit-02-scores-well-but-few-scenes.json")).NextLevelGap;

        Assert.NotNull(gap);
        Assert.Equal(1, gap.Target.Number);
        Assert.Equal(0m, gap.ScoreMissing);
        Assert.Equal(1, gap.ScenesMissing);
        Assert.Equal(0, gap.ConstraintScenesMissing);
        var step = Assert.Single(gap.Steps);
        Assert.Equal(GapStepKind.Scene, step.Kind);
        Assert.Equal(1, step.Effort);
    }

    [Fact]
    public void Gap_Miit06_NamesOneConstraintSceneToRaise()
    {
        var gap = Scorer.Score(ShippedModels.Miit, Load("miit-06-one-constraint-scene-short-of-level-four.json")).NextLevelGap;

        Assert.NotNull(gap);
        Assert.Equal(4, gap.Target.Number);
        Assert.Equal(1, gap.ConstraintScenesMissing);
        var step = Assert.Single(gap.Steps);
        Assert.Equal("production-safety", step.NodeId); // first constraint scene in questionnaire order still at 3
        Assert.Contains("from level 3 to level 4", step.Text.En);
    }

    [Fact]
    public void Gap_Miit05_IsNullAtTheTopLevel()
    {
        Assert.Null(Scorer.Score(ShippedModels.Miit, Load("miit-05-level-four.json")).NextLevelGap);
    }

    private static AnswerSheetData Load(string file) =>
        AssessmentJson.Deserialize<AnswerSheetData>(File.ReadAllText(TestFiles.WorkedExample(file)))!;
}

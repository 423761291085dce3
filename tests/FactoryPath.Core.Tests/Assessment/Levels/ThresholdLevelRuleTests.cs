using System.Globalization;
using System.Text;
using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Levels;

/// <summary>
/// The thresholds rule on a model with one 100-point question (any score we need) and 16 scenes, 10 of them
/// constraint scenes, with the MIIT level table: L1 20/6/3, L2 40/6/3, L3 60/8/5, L4 80/10/6.
/// </summary>
public class ThresholdLevelRuleTests
{
    private static readonly decimal[] Scores = [0m, 19.99m, 20m, 39.99m, 40m, 59.99m, 60m, 79.99m, 80m, 100m];
    private static readonly Lazy<AssessmentModel> Model = new(() => ModelText.LoadValid(Yaml()));

    [Theory]
    [InlineData(1, 20, 6, 3)]
    [InlineData(2, 40, 6, 3)]
    [InlineData(3, 60, 8, 5)]
    [InlineData(4, 80, 10, 6)]
    public void Level_ExactlyOnEveryThreshold_IsReached(int level, double minScore, int scenes, int constraint)
    {
        var result = Score((decimal)minScore, level, constraint, scenes - constraint);

        Assert.Equal(level, result.Level.Number);
    }

    [Theory]
    [InlineData(1, 20, 6, 3)]
    [InlineData(2, 40, 6, 3)]
    [InlineData(3, 60, 8, 5)]
    [InlineData(4, 80, 10, 6)]
    public void Level_ScoreJustBelowTheThreshold_FallsOneLevel(int level, double minScore, int scenes, int constraint)
    {
        var result = Score((decimal)minScore - 0.01m, level, constraint, scenes - constraint);

        Assert.Equal(level - 1, result.Level.Number);
        Assert.Equal(0.01m, result.NextLevelGap!.ScoreMissing);
    }

    [Theory]
    [InlineData(1, 20, 6, 3)]
    [InlineData(2, 40, 6, 3)]
    [InlineData(3, 60, 8, 5)]
    [InlineData(4, 80, 10, 6)]
    public void Level_OneSceneTooFew_FallsOneLevel(int level, double minScore, int scenes, int constraint)
    {
        var result = Score((decimal)minScore, level, constraint, scenes - constraint - 1);

        Assert.Equal(level - 1, result.Level.Number);
        Assert.Equal(1, result.NextLevelGap!.ScenesMissing);
        Assert.Equal(0, result.NextLevelGap.ConstraintScenesMissing);
    }

    [Theory]
    [InlineData(1, 20, 6, 3)]
    [InlineData(2, 40, 6, 3)]
    [InlineData(3, 60, 8, 5)]
    [InlineData(4, 80, 10, 6)]
    public void Level_OneConstraintSceneTooFew_FallsOneLevel(int level, double minScore, int scenes, int constraint)
    {
        // Same number of scenes at the level, one of them swapped from a constraint to an ordinary scene.
        var result = Score((decimal)minScore, level, constraint - 1, scenes - constraint + 1);

        Assert.Equal(level - 1, result.Level.Number);
        Assert.Equal(0, result.NextLevelGap!.ScenesMissing);
        Assert.Equal(1, result.NextLevelGap.ConstraintScenesMissing);
    }

    [Fact]
    public void Level_FullScoreButScenesForLevelTwoOnly_IsLevelTwo()
    {
        Assert.Equal(2, Score(100m, 2, 3, 3).Level.Number);
    }

    [Fact]
    public void Level_NothingMet_IsNotRatedWithItsName()
    {
        var result = Score(0m, 1, 0, 0);

        Assert.Equal(0, result.Level.Number);
        Assert.Equal(new LocalizedText("未达到一级", "Not rated"), result.Level.Name);
    }

    /// <summary>
    /// Scores the model with <paramref name="constraintAtLevel"/> constraint and <paramref name="othersAtLevel"/>
    /// ordinary scenes at <paramref name="sceneLevel"/>, every other scene one level lower (never below 0).
    /// </summary>
    private static AssessmentResult Score(decimal score, int sceneLevel, int constraintAtLevel, int othersAtLevel)
    {
        var sheet = Sheet.Empty.Option("score", Key(score));
        for (var i = 1; i <= 10; i++)
        {
            sheet = sheet.Level($"c{i}", i <= constraintAtLevel ? sceneLevel : Math.Max(0, sceneLevel - 1));
        }

        for (var i = 1; i <= 6; i++)
        {
            sheet = sheet.Level($"o{i}", i <= othersAtLevel ? sceneLevel : Math.Max(0, sceneLevel - 1));
        }

        return Scorer.Score(Model.Value, sheet);
    }

    private static string Key(decimal points) => "p" + points.ToString(CultureInfo.InvariantCulture).Replace('.', '_');

    private static string Yaml()
    {
        var yaml = new StringBuilder(ModelText.Header);
        yaml.Append("tree:\n  - id: dim\n    name: {zh: 维度, en: Dimension}\n    points: 100\n    children:\n");
        yaml.Append("      - id: score\n        kind: single\n        name: {zh: 分数, en: Score}\n        points: 100\n        options:\n");
        foreach (var points in Scores)
        {
            var text = points.ToString(CultureInfo.InvariantCulture);
            yaml.Append($"          - {{key: {Key(points)}, label: {{zh: \"{text}\", en: \"{text}\"}}, points: {text}}}\n");
        }

        yaml.Append("scenes:\n  - id: all\n    name: {zh: 场景, en: Scenes}\n    scenes:\n");
        foreach (var (id, constraint) in Enumerable.Range(1, 10).Select(i => ($"c{i}", true)).Concat(Enumerable.Range(1, 6).Select(i => ($"o{i}", false))))
        {
            yaml.Append($"      - id: {id}\n        name: {{zh: 场景{id}, en: Scene {id}}}\n        constraint: {(constraint ? "true" : "false")}\n        levels:\n");
            for (var level = 1; level <= 4; level++)
            {
                yaml.Append($"          {level}: {{zh: 第{level}级, en: Level {level}}}\n");
            }
        }

        yaml.Append(
            "levels:\n  kind: thresholds\n  notRated: {zh: 未达到一级, en: Not rated}\n  levels:\n" +
            "    - {level: 1, name: {zh: 一级, en: Level 1}, minScore: 20, minScenes: 6, minConstraintScenes: 3}\n" +
            "    - {level: 2, name: {zh: 二级, en: Level 2}, minScore: 40, minScenes: 6, minConstraintScenes: 3}\n" +
            "    - {level: 3, name: {zh: 三级, en: Level 3}, minScore: 60, minScenes: 8, minConstraintScenes: 5}\n" +
            "    - {level: 4, name: {zh: 四级, en: Level 4}, minScore: 80, minScenes: 10, minConstraintScenes: 6}\n");
        return yaml.ToString();
    }
}

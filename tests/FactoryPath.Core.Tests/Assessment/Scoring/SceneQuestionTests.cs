using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class SceneQuestionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Score_SceneLevel_IsReportedAndAddsNoPoints(int level)
    {
        var sheet = Sheet.MiitNothing().Level("quality-management", level);

        var result = Scorer.Score(ShippedModels.Miit, sheet);

        var scene = Assert.Single(result.Scenes, s => s.Id == "quality-management");
        Assert.Equal(level, scene.Level);
        Assert.True(scene.Constraint);
        Assert.Equal("production-execution", scene.GroupId);
        Assert.Equal(0m, result.TotalScore);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Validate_LevelOutsideZeroToFour_IsRejected(int level)
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.Level("procurement", level), requireComplete: false));

        Assert.Equal("procurement", error.QuestionId);
        Assert.Contains("0 到 4", error.Message.Zh);
    }

    [Fact]
    public void Scene_ExposesItsLevelDescriptions()
    {
        var scene = Assert.IsType<SceneQuestion>(ShippedModels.Miit.FindQuestion("energy-management"));

        Assert.Equal([1, 2, 3, 4], scene.LevelDescriptions.Select(d => d.Level));
        Assert.All(scene.LevelDescriptions, d => Assert.False(string.IsNullOrWhiteSpace(d.Text.Zh + d.Text.En)));
    }

    [Fact]
    public void Score_SceneInsideTheScoredTree_EarnsPointsInProportionToItsLevel()
    {
        var model = ModelText.LoadValid(ModelText.WithQuestion(
            "- id: s\n" +
            "  kind: scene\n" +
            "  name: {zh: 场景, en: Scene}\n" +
            "  points: 10\n" +
            "  levels:\n" +
            "    1: {zh: 一, en: One}\n" +
            "    2: {zh: 二, en: Two}\n" +
            "    3: {zh: 三, en: Three}\n" +
            "    4: {zh: 四, en: Four}\n"));

        Assert.Equal(7.5m, Scorer.Score(model, Sheet.Empty.Level("s", 3)).TotalScore);
    }
}

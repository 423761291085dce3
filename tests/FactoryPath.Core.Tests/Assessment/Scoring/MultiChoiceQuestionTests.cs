using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class MultiChoiceQuestionTests
{
    private const string CappedQuestion =
        "- id: q\n" +
        "  kind: multi\n" +
        "  name: {zh: 题, en: Question}\n" +
        "  points: 10\n" +
        "  cap: 10\n" +
        "  options:\n" +
        "    - {key: none, label: {zh: 无, en: None}, points: 0, exclusive: true}\n" +
        "    - {key: a, label: {zh: 甲, en: A}, points: 4}\n" +
        "    - {key: b, label: {zh: 乙, en: B}, points: 4}\n" +
        "    - {key: c, label: {zh: 丙, en: C}, points: 4}\n";

    [Theory]
    [InlineData(new[] { "A" }, 0)]
    [InlineData(new[] { "B" }, 2)]
    [InlineData(new[] { "B", "D" }, 4)]
    [InlineData(new[] { "B", "C", "D", "E" }, 8)]
    public void Score_NetworkOptions_AddUp(string[] chosen, double expected)
    {
        var sheet = Sheet.MiitNothing().Options("network", chosen);

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("network"));
    }

    [Fact]
    public void Score_AllDataCollectionAreas_AddUpToExactlyTen()
    {
        var all = new[] { "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O" };
        var sheet = Sheet.MiitNothing().Options("data-collection", all);

        Assert.Equal(10m, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("data-collection"));
    }

    [Fact]
    public void Validate_NoneTogetherWithAnotherOption_IsRejected()
    {
        var sheet = Sheet.Empty.Options("network", "A", "B");

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("network", error.QuestionId);
        Assert.Equal("\"None\" cannot be combined with other options.", error.Message.En);
        Assert.Equal("“无”不能与其他选项同时选择。", error.Message.Zh);
    }

    [Fact]
    public void Score_NoneTogetherWithAnotherOption_Throws()
    {
        var sheet = Sheet.MiitNothing().Options("talent", "A", "C");

        var e = Assert.Throws<InvalidAnswersException>(() => Scorer.Score(ShippedModels.Miit, sheet));

        Assert.Equal("talent", Assert.Single(e.Errors).QuestionId);
    }

    [Theory]
    [InlineData("B,Z")]
    [InlineData("B,B")]
    public void Validate_UnknownOrRepeatedOption_IsRejected(string chosen)
    {
        var sheet = Sheet.Empty.Options("network", chosen.Split(','));

        Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));
    }

    [Theory]
    [InlineData(new[] { "a" }, 4)]
    [InlineData(new[] { "a", "b" }, 8)]
    [InlineData(new[] { "a", "b", "c" }, 10)] // 12 capped at 10
    [InlineData(new[] { "none" }, 0)]
    public void Score_WithCap_NeverExceedsTheCap(string[] chosen, double expected)
    {
        var model = ModelText.LoadValid(ModelText.WithQuestion(CappedQuestion));

        var result = Scorer.Score(model, Sheet.Empty.Options("q", chosen));

        Assert.Equal((decimal)expected, result.ScoreOf("q"));
    }

    [Fact]
    public void Validate_EmptySelection_IsUnansweredNotInvalid()
    {
        var sheet = Sheet.Empty.Options("network");

        Assert.Empty(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));
        Assert.Contains(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: true), e => e.QuestionId == "network");
    }
}

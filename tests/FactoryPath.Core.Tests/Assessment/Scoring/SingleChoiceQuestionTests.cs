using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class SingleChoiceQuestionTests
{
    [Theory]
    [InlineData("A", 0)]
    [InlineData("B", 2.5)]
    [InlineData("C", 5)]
    [InlineData("D", 7.5)]
    [InlineData("E", 10)]
    public void Score_InformationSystems_IsTheChosenOptionsPoints(string option, double expected)
    {
        var sheet = Sheet.MiitNothing().Option("information-systems", option);

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("information-systems"));
    }

    [Fact]
    public void Score_PlanningTopOption_KeepsTheSourcesOrder()
    {
        // The source ranks F (visits to advanced peers) above E (business changed); the model keeps that.
        var e = Scorer.Score(ShippedModels.Miit, Sheet.MiitNothing().Option("planning", "E")).ScoreOf("planning");
        var f = Scorer.Score(ShippedModels.Miit, Sheet.MiitNothing().Option("planning", "F")).ScoreOf("planning");

        Assert.Equal(6m, e);
        Assert.Equal(7.5m, f);
    }

    [Fact]
    public void Validate_UnknownOption_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.Option("planning", "G"), requireComplete: false));

        Assert.Equal("planning", error.QuestionId);
    }

    [Fact]
    public void Validate_SeveralOptionsForASingleChoice_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.Options("planning", "B", "C"), requireComplete: false));

        Assert.Contains("options", error.Message.En);
    }
}

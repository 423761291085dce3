using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class RatingQuestionTests
{
    [Theory]
    [InlineData("full", 1)]
    [InlineData("mostly", 0.8)]
    [InlineData("partly", 0.5)]
    [InlineData("not", 0)]
    public void Score_Rating_IsTheGradesFractionOfThePoints(string grade, double expected)
    {
        var sheet = Sheet.CmmmUpTo(0).Option("data-l3", grade);

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Cmmm, sheet).ScoreOf("data-l3"));
    }

    [Fact]
    public void Validate_UnknownGrade_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Cmmm, Sheet.Empty.Option("data-l3", "somewhat"), requireComplete: false));

        Assert.Contains("full, mostly, partly, not", error.Message.En);
    }

    [Fact]
    public void Score_NotApplicableSubDomain_IsLeftOutOfTheMaximum()
    {
        var sheet = Sheet.CmmmUpTo(5)
            .NotApplicable("product-service");
        foreach (var level in Enumerable.Range(1, 5))
        {
            sheet = sheet.Without($"product-service-l{level}");
        }

        var result = Scorer.Score(ShippedModels.Cmmm, sheet);

        var node = Assert.Single(result.Nodes, n => n.Id == "product-service");
        Assert.True(node.NotApplicable);
        Assert.Equal(0m, node.MaxScore);
        Assert.Equal(95m, result.MaxScore);
        Assert.Equal(95m, result.TotalScore);
        Assert.DoesNotContain(result.Stages, s => s.DomainId == "product-service");
    }

    [Fact]
    public void Validate_NotApplicableOnACoreSubDomain_IsRejected()
    {
        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Cmmm, Sheet.Empty.NotApplicable("strategy"), requireComplete: false));

        Assert.Equal("strategy", error.QuestionId);
    }
}

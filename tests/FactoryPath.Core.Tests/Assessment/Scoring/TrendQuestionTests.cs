using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class TrendQuestionTests
{
    [Theory]
    [InlineData("energy", "increase", 0)] // energy use up: worse
    [InlineData("energy", "flat", 3.5)]
    [InlineData("energy", "decrease", 7)] // energy use down: better
    [InlineData("quality", "decrease", 0)] // pass rate down: worse
    [InlineData("quality", "flat", 3.5)]
    [InlineData("quality", "increase", 7)]
    [InlineData("revenue-per-employee", "increase", 3)]
    [InlineData("cost-per-revenue", "increase", 0)]
    [InlineData("cost-per-revenue", "flat", 1.5)]
    [InlineData("cost-per-revenue", "decrease", 3)]
    public void Score_Trend_FollowsTheModelsDirection(string id, string option, double expected)
    {
        var sheet = Sheet.MiitNothing().Option(id, option);

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf(id));
    }

    [Fact]
    public void Score_RawFiguresRecordedAlongside_DoNotChangeTheScore()
    {
        var sheet = Sheet.MiitNothing().With("energy", new Answer
        {
            Option = "decrease",
            Values = new Dictionary<string, decimal> { ["lastYear"] = 120.5m, ["yearBefore"] = 130m },
        });

        Assert.Equal(7m, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("energy"));
    }

    [Theory]
    [InlineData("up")]
    [InlineData("better")]
    public void Validate_UnknownTrend_IsRejected(string option)
    {
        Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, Sheet.Empty.Option("energy", option), requireComplete: false));
    }

    [Fact]
    public void Validate_NegativeRecordedFigure_IsRejected()
    {
        var sheet = Sheet.Empty.With("energy", new Answer { Option = "flat", Values = new Dictionary<string, decimal> { ["lastYear"] = -1 } });

        Assert.Equal("lastYear", Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false)).InputId);
    }

    [Fact]
    public void Options_ListPointsPerAnswer()
    {
        var energy = Assert.IsType<TrendQuestion>(ShippedModels.Miit.FindQuestion("energy"));

        Assert.Equal([("increase", 0m), ("flat", 3.5m), ("decrease", 7m)], energy.Options.Select(o => (o.Key, o.Points)));
    }
}

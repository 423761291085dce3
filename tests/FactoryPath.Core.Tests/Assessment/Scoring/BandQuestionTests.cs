using FactoryPath.Core.Assessment;
using FactoryPath.Core.Tests.Assessment.Support;

namespace FactoryPath.Core.Tests.Assessment.Scoring;

public class BandQuestionTests
{
    // Bands of the equipment digitization question: [0%,10%] 0, (10%,20%] 1.5, (20%,40%] 3, (40%,60%] 4.5, (60%,100%] 6.
    [Theory]
    [InlineData(100, 0, 0)]
    [InlineData(100, 10, 0)] // exactly 10 %: the first band includes its upper edge
    [InlineData(10, 1, 0)] // 10 % from other counts
    [InlineData(1000, 101, 1.5)] // 10.1 %
    [InlineData(100000, 10001, 1.5)] // 10.001 %
    [InlineData(100, 20, 1.5)] // exactly 20 %
    [InlineData(5, 1, 1.5)] // 20 %
    [InlineData(1000, 201, 3)] // 20.1 %
    [InlineData(3, 1, 3)] // 33.33... %
    [InlineData(100, 40, 3)] // exactly 40 %
    [InlineData(1000, 401, 4.5)] // 40.1 %
    [InlineData(100, 60, 4.5)] // exactly 60 %
    [InlineData(5, 3, 4.5)] // 60 %
    [InlineData(1000, 601, 6)] // 60.1 %
    [InlineData(100000, 60001, 6)] // 60.001 %
    [InlineData(100, 100, 6)]
    public void Score_EquipmentCounts_PickTheBandWhoseEdgesMatch(int total, int digital, double expected)
    {
        var sheet = Sheet.MiitNothing().Values("equipment-digitization", ("total", total), ("digital", digital));

        var result = Scorer.Score(ShippedModels.Miit, sheet);

        Assert.Equal((decimal)expected, result.ScoreOf("equipment-digitization"));
    }

    [Theory]
    [InlineData(50, 5, 0)] // 10 %
    [InlineData(50, 6, 1.5)] // 12 %
    [InlineData(50, 30, 4.5)] // 60 %
    [InlineData(50, 31, 6)] // 62 %
    public void Score_Networking_UsesTheTotalEnteredForDigitization(int total, int networked, double expected)
    {
        var sheet = Sheet.MiitNothing()
            .Values("equipment-digitization", ("total", total), ("digital", 0))
            .Values("equipment-networking", ("networked", networked));

        var result = Scorer.Score(ShippedModels.Miit, sheet);

        Assert.Equal((decimal)expected, result.ScoreOf("equipment-networking"));
    }

    [Fact]
    public void Validate_ZeroEquipment_GivesAClearErrorInBothLanguages()
    {
        var sheet = Sheet.MiitNothing().Values("equipment-digitization", ("total", 0), ("digital", 0));

        var errors = AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false);

        var error = Assert.Single(errors, e => e.QuestionId == "equipment-digitization");
        Assert.Equal("total", error.InputId);
        Assert.Equal("Total production equipment must be greater than 0.", error.Message.En);
        Assert.Equal("生产设备总数必须大于 0。", error.Message.Zh);
    }

    [Fact]
    public void Score_ZeroEquipment_ThrowsFieldErrorsNotDivisionByZero()
    {
        var sheet = Sheet.MiitNothing().Values("equipment-digitization", ("total", 0), ("digital", 0));

        var e = Assert.Throws<InvalidAnswersException>(() => Scorer.Score(ShippedModels.Miit, sheet));

        Assert.Contains(e.Errors, x => x.QuestionId == "equipment-digitization" && x.InputId == "total");
        Assert.Contains(e.Errors, x => x.QuestionId == "equipment-networking");
    }

    [Fact]
    public void Validate_MoreDigitalThanTotal_IsRejected()
    {
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", 10), ("digital", 11));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("digital", error.InputId);
        Assert.Contains("cannot be greater than", error.Message.En);
    }

    [Fact]
    public void Validate_NegativeCount_IsRejected()
    {
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", 10), ("digital", -1));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("digital", error.InputId);
        Assert.Contains("negative", error.Message.En);
    }

    [Fact]
    public void Validate_UnknownInput_IsRejected()
    {
        var sheet = Sheet.Empty.Values("equipment-digitization", ("machines", 10));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("machines", error.InputId);
    }

    [Fact]
    public void Validate_DraftWithOnlyTheTotal_IsFineButIncompleteOnSubmit()
    {
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", 10));

        Assert.Empty(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));
        var errors = AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: true);
        var error = Assert.Single(errors, e => e.QuestionId == "equipment-digitization");
        Assert.Equal("digital", error.InputId);
    }

    [Fact]
    public void Validate_NetworkingWithoutTheTotal_AsksForTheTotalInTheOtherQuestion()
    {
        var sheet = Sheet.Empty.Values("equipment-networking", ("networked", 4));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: true), e => e.QuestionId == "equipment-networking");

        Assert.Contains("Total production equipment", error.Message.En);
        Assert.Contains("生产设备数字化率", error.Message.Zh);
    }

    [Fact]
    public void Validate_ChoosingABandWhereOnlyFiguresAreAllowed_IsRejected()
    {
        var sheet = Sheet.Empty.Option("equipment-digitization", "B");

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("equipment-digitization", error.QuestionId);
    }

    [Theory]
    [InlineData("A", 0)]
    [InlineData("C", 3.75)]
    [InlineData("E", 7.5)]
    public void Score_FundingBandChosenDirectly_GivesThatBandsPoints(string band, double expected)
    {
        var sheet = Sheet.MiitNothing().With("funding", new Answer { Option = band, Values = new Dictionary<string, decimal> { ["amount"] = 50 } });

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("funding"));
    }

    [Theory]
    [InlineData(10, 100, 0)] // exactly 10 %
    [InlineData(11, 100, 1.875)]
    [InlineData(30, 100, 3.75)]
    public void Score_FundingWithRevenue_ComputesTheBand(int amount, int revenue, double expected)
    {
        var sheet = Sheet.MiitNothing().Values("funding", ("amount", amount), ("revenue", revenue));

        Assert.Equal((decimal)expected, Scorer.Score(ShippedModels.Miit, sheet).ScoreOf("funding"));
    }

    [Fact]
    public void Validate_ChosenBandContradictingTheFigures_IsRejected()
    {
        var sheet = Sheet.Empty.With("funding", new Answer { Option = "B", Values = new Dictionary<string, decimal> { ["amount"] = 30, ["revenue"] = 100 } });

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Contains("30%", error.Message.En);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(10, "A")]
    [InlineData(10.0000001, "B")]
    [InlineData(100, "E")]
    [InlineData(100.1, null)]
    public void BandFor_Percent_FollowsTheBrackets(double percent, string? expectedKey)
    {
        var question = Assert.IsType<BandQuestion>(ShippedModels.Miit.FindQuestion("equipment-digitization"));

        Assert.Equal(expectedKey, question.BandFor((decimal)percent)?.Key);
    }

    [Fact]
    public void Validate_FundingAmountOnly_AsksForABandOrTheRevenue()
    {
        var sheet = Sheet.Empty.Values("funding", ("amount", 80));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: true), e => e.QuestionId == "funding");

        Assert.Equal("revenue", error.InputId);
        Assert.Equal("Pick a band, or enter Average yearly revenue to have it worked out.", error.Message.En);
    }

    [Fact]
    public void Validate_AbsurdlyLargeFigure_IsRejectedInsteadOfOverflowing()
    {
        var sheet = Sheet.Empty.Values("equipment-digitization", ("total", 79_000_000_000_000_000_000_000_000_000m), ("digital", 1));

        var error = Assert.Single(AnswerValidator.Validate(ShippedModels.Miit, sheet, requireComplete: false));

        Assert.Equal("total", error.InputId);
        Assert.Contains("too large", error.Message.En);
    }
}

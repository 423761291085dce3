using FactoryPath.Core.Demands;

namespace FactoryPath.Core.Tests.Demands;

public class CompletionValidatorTests
{
    private static readonly CompletionInput Valid = new(5, "按期上线，效果明显。",
        [new KpiOutcomeInput("production_efficiency", 30), new KpiOutcomeInput("carbon", -12, 100, 88, "t")]);

    [Fact]
    public void Validate_ValidCompletion_HasNoErrors()
    {
        Assert.True(CompletionValidator.Validate(Valid).IsValid);
        Assert.True(CompletionValidator.Validate(new CompletionInput(1, null, null)).IsValid);
    }

    [Theory]
    [InlineData(null, DemandErrors.RatingRequiredCode)]
    [InlineData(0, DemandErrors.RatingOutOfRangeCode)]
    [InlineData(6, DemandErrors.RatingOutOfRangeCode)]
    public void Validate_Rating_IsRequiredAndBetween1And5(int? rating, string code)
    {
        Assert.Equal(code, CompletionValidator.Validate(Valid with { Rating = rating }).Errors[DemandFields.Rating].Code);
    }

    [Fact]
    public void Validate_CommentOver2000Characters_IsRefused()
    {
        Assert.True(CompletionValidator.Validate(Valid with { Comment = new string('评', 2000) }).IsValid);
        Assert.Equal(DemandErrors.CommentTooLongCode, CompletionValidator.Validate(Valid with { Comment = new string('评', 2001) }).Errors[DemandFields.Comment].Code);
    }

    [Theory]
    [InlineData("", DemandErrors.KpiIndicatorRequiredCode)]
    [InlineData("Production Efficiency", DemandErrors.KpiIndicatorUnknownCode)]
    [InlineData("first_pass_yield", DemandErrors.KpiIndicatorUnknownCode)]
    [InlineData("能耗", DemandErrors.KpiIndicatorUnknownCode)]
    public void Validate_BadIndicatorKey_IsRefusedOnItsRow(string key, string code)
    {
        var result = CompletionValidator.Validate(Valid with { Kpis = [new KpiOutcomeInput("defect_rate", 5), new KpiOutcomeInput(key, 5)] });
        Assert.Single(result.Errors);
        Assert.Equal(code, result.Errors["kpis[1].indicator"].Code);
    }

    [Fact]
    public void Validate_SameIndicatorTwice_IsRefusedOnTheSecondRow()
    {
        var result = CompletionValidator.Validate(Valid with { Kpis = [new KpiOutcomeInput("carbon", 5), new KpiOutcomeInput(" Carbon ", 6)] });
        Assert.Equal(DemandErrors.KpiIndicatorDuplicateCode, result.Errors["kpis[1].indicator"].Code);
        Assert.False(result.Errors.ContainsKey("kpis[0].indicator"));
    }

    [Theory]
    [InlineData(null, DemandErrors.KpiChangeRequiredCode)]
    [InlineData(-100.01, DemandErrors.KpiChangeOutOfRangeCode)]
    [InlineData(1000.5, DemandErrors.KpiChangeOutOfRangeCode)]
    [InlineData(1000.0, null)]
    [InlineData(double.NaN, DemandErrors.KpiChangeOutOfRangeCode)]
    [InlineData(-100.0, null)]
    [InlineData(0.0, null)]
    public void Validate_ChangePercent_LiesBetweenMinus100AndPlus10000(double? change, string? code)
    {
        var result = CompletionValidator.Validate(Valid with { Kpis = [new KpiOutcomeInput("defect_rate", change)] });
        Assert.Equal(code, result.Errors.GetValueOrDefault("kpis[0].changePercent")?.Code);
    }

    [Fact]
    public void Validate_KnownIndicatorInAnotherCase_IsAcceptedAndEveryPoolIndicatorIsAllowed()
    {
        var all = FactoryPath.Core.Catalog.Pool.KpiIndicators.All.Select(i => new KpiOutcomeInput(i.Key.ToUpperInvariant(), -5)).ToList();
        Assert.True(CompletionValidator.Validate(Valid with { Kpis = all }).IsValid);
    }

    [Fact]
    public void Validate_MoreThan20Kpis_IsRefusedAsAWhole()
    {
        var kpis = Enumerable.Range(0, 21).Select(i => new KpiOutcomeInput("carbon", 1)).ToList();
        Assert.Equal(DemandErrors.KpisTooManyCode, CompletionValidator.Validate(Valid with { Kpis = kpis }).Errors[DemandFields.Kpis].Code);
    }
}

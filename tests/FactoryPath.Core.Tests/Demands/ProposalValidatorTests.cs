using FactoryPath.Core.Demands;

namespace FactoryPath.Core.Tests.Demands;

public class ProposalValidatorTests
{
    private static readonly ProposalInput Valid = new(380_000, 12, "先做设备联网，再上线状态监测看板。", null);

    [Fact]
    public void Validate_ValidProposal_HasNoErrors()
    {
        Assert.True(ProposalValidator.Validate(Valid).IsValid);
        Assert.True(ProposalValidator.Validate(Valid with { SolutionId = Guid.NewGuid() }).IsValid);
    }

    [Fact]
    public void Validate_EmptyProposal_ReportsEachFieldInBothLanguages()
    {
        var result = ProposalValidator.Validate(new ProposalInput(null, null, null));
        Assert.Equal(new[] { "approach", "durationWeeks", "priceCny" }, result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, e => Assert.False(string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En)));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Validate_PriceNotPositive_IsRefused(long price)
    {
        Assert.Equal(DemandErrors.PriceNotPositiveCode, ProposalValidator.Validate(Valid with { PriceCny = price }).Errors[DemandFields.PriceCny].Code);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(260, true)]
    [InlineData(261, false)]
    public void Validate_Weeks_AreBetween1And260(int weeks, bool valid)
    {
        var result = ProposalValidator.Validate(Valid with { DurationWeeks = weeks });
        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Equal(DemandErrors.WeeksOutOfRangeCode, result.Errors[DemandFields.DurationWeeks].Code);
    }

    [Theory]
    [InlineData(9, DemandErrors.ApproachTooShortCode)]
    [InlineData(10, null)]
    [InlineData(4000, null)]
    [InlineData(4001, DemandErrors.ApproachTooLongCode)]
    public void Validate_Approach_IsBetween10And4000Characters(int length, string? code)
    {
        var result = ProposalValidator.Validate(Valid with { Approach = new string('案', length) });
        Assert.Equal(code, result.Errors.GetValueOrDefault(DemandFields.Approach)?.Code);
    }

    [Fact]
    public void Validate_ApproachOfSpaces_IsRequired()
    {
        Assert.Equal(DemandErrors.ApproachRequiredCode, ProposalValidator.Validate(Valid with { Approach = "   " }).Errors[DemandFields.Approach].Code);
    }
}

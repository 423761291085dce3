using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Catalog.Pool;

public class SolutionValidatorTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private static readonly SolutionInput Valid = new(
        ProviderId: Guid.NewGuid(),
        TitleZh: "设备联网监测 SaaS",
        TitleEn: "Equipment monitoring SaaS",
        DescriptionZh: null,
        DescriptionEn: null,
        Scenarios: ["equipment-monitoring", "sme-equipment-management"],
        Industries: ["34"],
        SizeClasses: ["small", "小型企业", "Micro"],
        Deployment: "saas",
        PriceMinCny: 20_000,
        PriceMaxCny: 60_000,
        ImplementationWeeks: 4,
        Standardised: true);

    [Fact]
    public void Validate_ValidSolution_ParsesNamesAndDropsRepeats()
    {
        var result = SolutionValidator.Validate(Valid, Library);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Equal([SizeClass.Micro, SizeClass.Small], result.Value!.SizeClasses);
        Assert.Equal(DeploymentMode.Saas, result.Value.Deployment);
    }

    [Theory]
    [InlineData("本地部署", DeploymentMode.OnPremises)]
    [InlineData("HYBRID", DeploymentMode.Hybrid)]
    public void Validate_DeploymentByEitherName_IsParsed(string text, DeploymentMode expected)
    {
        Assert.Equal(expected, SolutionValidator.Validate(Valid with { Deployment = text }, Library).Value!.Deployment);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("cloud")]
    public void Validate_UnknownDeployment_ListsTheChoices(string text)
    {
        var error = Assert.Single(SolutionValidator.Validate(Valid with { Deployment = text }, Library).Errors);

        Assert.Equal(("deployment", "deployment.unknown"), (error.Key, error.Value.Code));
        Assert.Contains("OnPremises", error.Value.En);
    }

    [Fact]
    public void Validate_PriceMinAboveMax_IsAnErrorOnTheMaximum()
    {
        var error = Assert.Single(SolutionValidator.Validate(Valid with { PriceMinCny = 80_000 }, Library).Errors);

        Assert.Equal(("priceMaxCny", "priceMaxCny.belowMin"), (error.Key, error.Value.Code));
    }

    [Fact]
    public void Validate_EqualPrices_AreAccepted()
    {
        Assert.True(SolutionValidator.Validate(Valid with { PriceMinCny = 0, PriceMaxCny = 0 }, Library).IsValid);
    }

    [Fact]
    public void Validate_NegativePrice_IsRejected()
    {
        var error = Assert.Single(SolutionValidator.Validate(Valid with { PriceMinCny = -1 }, Library).Errors);

        Assert.Equal("priceMinCny.negative", error.Value.Code);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(260, true)]
    [InlineData(261, false)]
    public void Validate_ImplementationWeeks_AreOneTo260(int weeks, bool valid)
    {
        var result = SolutionValidator.Validate(Valid with { ImplementationWeeks = weeks }, Library);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("implementationWeeks.outOfRange", result.Errors["implementationWeeks"].Code);
        }
    }

    [Fact]
    public void Validate_MissingEverything_ReportsEachRequiredField()
    {
        var empty = new SolutionInput(null, null, null, null, null, null, null, null, null, null, null, null, false);

        var result = SolutionValidator.Validate(empty, Library);

        Assert.Equal(
            ["deployment", "implementationWeeks", "priceMaxCny", "priceMinCny", "scenarios", "titleEn", "titleZh"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, e => Assert.EndsWith(".required", e.Code));
    }

    [Fact]
    public void Validate_UnknownSizeClass_IsNamed()
    {
        var error = Assert.Single(SolutionValidator.Validate(Valid with { SizeClasses = ["Tiny"] }, Library).Errors);

        Assert.Equal("sizeClasses.unknown", error.Value.Code);
        Assert.Contains("Tiny", error.Value.Zh);
    }
}

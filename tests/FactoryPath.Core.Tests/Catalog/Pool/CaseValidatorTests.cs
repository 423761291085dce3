using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;

namespace FactoryPath.Core.Tests.Catalog.Pool;

public class CaseValidatorTests
{
    private const int ThisYear = 2026;
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private static readonly CaseInput Valid = new(
        TitleZh: "某汽车零部件企业设备联网改造",
        TitleEn: "Equipment networking at an auto-parts maker",
        SummaryZh: null,
        SummaryEn: null,
        EnterpriseId: null,
        EnterpriseName: "浙江某汽车零部件企业",
        Anonymised: true,
        IndustryCode: "36",
        RegionCode: "330200",
        Scenarios: ["equipment-monitoring"],
        Tier: "先进级智能工厂",
        Year: 2024,
        SolutionId: null,
        ProviderId: null,
        Kpis: [new KpiChangeInput(" Production_Efficiency ", 100, 130, "件/时", 30), new KpiChangeInput("carbon", null, null, null, -12)]);

    [Fact]
    public void Validate_ValidCase_NormalisesTierAndIndicators()
    {
        var result = CaseValidator.Validate(Valid, Library, ThisYear);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        Assert.Equal(DemonstrationTier.SmartFactoryAdvanced, result.Value!.Tier);
        Assert.Equal(["production_efficiency", "carbon"], result.Value.Kpis.Select(k => k.Indicator));
    }

    [Fact]
    public void Validate_NoTier_IsAllowed()
    {
        Assert.Null(CaseValidator.Validate(Valid with { Tier = " " }, Library, ThisYear).Value!.Tier);
    }

    [Theory]
    [InlineData(1989, false)]
    [InlineData(1990, true)]
    [InlineData(ThisYear + 1, true)]
    [InlineData(ThisYear + 2, false)]
    public void Validate_Year_Is1990ToNextYear(int year, bool valid)
    {
        Assert.Equal(valid, CaseValidator.Validate(Valid with { Year = year }, Library, ThisYear).IsValid);
    }

    [Fact]
    public void Validate_UnknownIndicator_IsKeyedByItsPosition()
    {
        var kpis = new[] { new KpiChangeInput("carbon", null, null, null, -5), new KpiChangeInput("happiness", null, null, null, 5) };

        var error = Assert.Single(CaseValidator.Validate(Valid with { Kpis = kpis }, Library, ThisYear).Errors);

        Assert.Equal(("kpis[1].indicator", "indicator.unknown"), (error.Key, error.Value.Code));
        Assert.Contains("production_efficiency", error.Value.En);
    }

    [Theory]
    [InlineData(1000.0, true)]
    [InlineData(-1000.0, true)]
    [InlineData(1000.5, false)]
    [InlineData(double.NaN, false)]
    public void Validate_ChangePercent_IsWithinPlusMinus1000(double change, bool valid)
    {
        var result = CaseValidator.Validate(Valid with { Kpis = [new KpiChangeInput("carbon", null, null, null, change)] }, Library, ThisYear);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal("changePercent.outOfRange", result.Errors["kpis[0].changePercent"].Code);
        }
    }

    [Fact]
    public void Validate_RepeatedIndicator_IsADuplicate()
    {
        var kpis = new[] { new KpiChangeInput("carbon", null, null, null, -5), new KpiChangeInput("CARBON", null, null, null, -6) };

        var error = Assert.Single(CaseValidator.Validate(Valid with { Kpis = kpis }, Library, ThisYear).Errors);

        Assert.Equal(("kpis[1].indicator", "indicator.duplicate"), (error.Key, error.Value.Code));
    }

    [Fact]
    public void Validate_MissingFields_AreRequired()
    {
        var result = CaseValidator.Validate(Valid with { TitleZh = null, EnterpriseName = "", IndustryCode = null, RegionCode = null, Scenarios = [], Year = null }, Library, ThisYear);

        Assert.Equal(
            ["enterpriseName", "industryCode", "regionCode", "scenarios", "titleZh", "year"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_UnknownTier_ListsTheChoices()
    {
        var error = Assert.Single(CaseValidator.Validate(Valid with { Tier = "Gold" }, Library, ThisYear).Errors);

        Assert.Equal("tier.unknown", error.Value.Code);
        Assert.Contains("NationalDemonstration", error.Value.En);
    }

    [Fact]
    public void KpiIndicators_HaveEightKeysWithBothNames()
    {
        Assert.Equal(8, KpiIndicators.All.Count);
        Assert.All(KpiIndicators.All, i => Assert.False(string.IsNullOrWhiteSpace(i.Name.Zh) || string.IsNullOrWhiteSpace(i.Name.En)));
        Assert.False(KpiIndicators.Find("defect_rate")!.HigherIsBetter);
    }
}

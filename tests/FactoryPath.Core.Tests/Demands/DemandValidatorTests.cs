using FactoryPath.Core.Catalog;
using FactoryPath.Core.Demands;

namespace FactoryPath.Core.Tests.Demands;

public class DemandValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private static readonly DemandInput Valid = new(
        Title: "车间设备联网与状态监测",
        Description: "30 台数控机床联网，采集运行状态和能耗。",
        Scenarios: ["equipment-monitoring", "smart-energy-control"],
        BudgetMinCny: 0,
        BudgetMaxCny: 500_000,
        Deadline: Today.AddDays(1),
        RegionCode: "330212",
        PreferredDeployment: DeploymentMode.Hybrid);

    [Fact]
    public void Validate_ValidDemand_HasNoErrors()
    {
        Assert.True(DemandValidator.Validate(Valid, Library, Today).IsValid);
    }

    [Fact]
    public void Validate_EmptyDemand_ReportsEveryRequiredFieldInBothLanguages()
    {
        var result = DemandValidator.Validate(new DemandInput(null, null, null, null, null, null, null), Library, Today);

        Assert.Equal(
            new[] { "budgetMaxCny", "budgetMinCny", "deadline", "regionCode", "scenarios", "title" },
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Zh));
            Assert.False(string.IsNullOrWhiteSpace(e.En));
        });
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Validate_TitleLength_IsCountedInCharacters(int length, bool valid)
    {
        var result = DemandValidator.Validate(Valid with { Title = new string('需', length) }, Library, Today);
        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Equal(DemandErrors.TitleTooLongCode, result.Errors[DemandFields.Title].Code);
    }

    [Fact]
    public void Validate_TitleOfSupplementaryCharacters_CountsEachAsOne()
    {
        var title = string.Concat(Enumerable.Repeat("𠀀", 200)); // CJK extension B, two UTF-16 units each
        Assert.True(DemandValidator.Validate(Valid with { Title = title }, Library, Today).IsValid);
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void Validate_DescriptionLength_HasAnUpperLimit(int length, bool valid)
    {
        var result = DemandValidator.Validate(Valid with { Description = new string('述', length) }, Library, Today);
        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Equal(DemandErrors.DescriptionTooLongCode, result.Errors[DemandFields.Description].Code);
    }

    [Fact]
    public void Validate_NoScenario_IsRefused()
    {
        var result = DemandValidator.Validate(Valid with { Scenarios = [" "] }, Library, Today);
        Assert.Equal(DemandErrors.ScenariosRequiredCode, result.Errors[DemandFields.Scenarios].Code);
    }

    [Fact]
    public void Validate_UnknownScenario_NamesIt()
    {
        var result = DemandValidator.Validate(Valid with { Scenarios = ["equipment-monitoring", "teleportation"] }, Library, Today);
        var error = result.Errors[DemandFields.Scenarios];
        Assert.Equal(DemandErrors.ScenarioUnknownCode, error.Code);
        Assert.Contains("teleportation", error.Zh);
        Assert.Contains("teleportation", error.En);
    }

    [Theory]
    [InlineData(-1L, 100L, "budgetMinCny", DemandErrors.BudgetMinNegativeCode)]
    [InlineData(0L, 0L, "budgetMaxCny", DemandErrors.BudgetMaxNotPositiveCode)]
    [InlineData(200L, 100L, "budgetMinCny", DemandErrors.BudgetMinAboveMaxCode)]
    public void Validate_BadBudget_IsRefusedOnTheRightField(long min, long max, string field, string code)
    {
        var result = DemandValidator.Validate(Valid with { BudgetMinCny = min, BudgetMaxCny = max }, Library, Today);
        Assert.Single(result.Errors);
        Assert.Equal(code, result.Errors[field].Code);
    }

    [Fact]
    public void Validate_EqualBudgetLimits_AreAccepted()
    {
        Assert.True(DemandValidator.Validate(Valid with { BudgetMinCny = 100, BudgetMaxCny = 100 }, Library, Today).IsValid);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    [InlineData(1, true)]
    public void Validate_Deadline_MustLieAfterToday(int daysFromToday, bool valid)
    {
        var result = DemandValidator.Validate(Valid with { Deadline = Today.AddDays(daysFromToday) }, Library, Today);
        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Contains("2026-11-23", result.Errors[DemandFields.Deadline].Zh);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("3302")]
    [InlineData("330000x")]
    public void Validate_UnknownRegion_IsRefused(string region)
    {
        var result = DemandValidator.Validate(Valid with { RegionCode = region }, Library, Today);
        Assert.Equal(DemandErrors.RegionUnknownCode, result.Errors[DemandFields.RegionCode].Code);
    }

    [Fact]
    public void Validate_UndefinedDeployment_IsRefused()
    {
        var result = DemandValidator.Validate(Valid with { PreferredDeployment = (DeploymentMode)42 }, Library, Today);
        Assert.Equal(DemandErrors.DeploymentUnknownCode, result.Errors[DemandFields.PreferredDeployment].Code);
    }

    [Fact]
    public void Validate_NoDeploymentPreference_IsFine()
    {
        Assert.True(DemandValidator.Validate(Valid with { PreferredDeployment = null }, Library, Today).IsValid);
    }
}

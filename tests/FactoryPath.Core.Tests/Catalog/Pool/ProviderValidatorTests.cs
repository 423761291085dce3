using FactoryPath.Core.Catalog;
using FactoryPath.Core.Catalog.Pool;

namespace FactoryPath.Core.Tests.Catalog.Pool;

public class ProviderValidatorTests
{
    private static readonly ScenarioLibrary Library = ScenarioLibrary.LoadEmbedded();

    private static readonly ProviderInput Valid = new(
        Name: "  福州示例智能科技有限公司 ",
        CreditCode: "91350100m000100y43",
        RegionCode: "350100",
        RegionsServed: ["350000", " 330000", "350000", ""],
        Industries: ["34", " 36", "34"],
        Scenarios: ["equipment-monitoring"],
        Certifications: ["ISO 9001", "ISO 9001"],
        TeamSize: 40,
        DescriptionZh: "设备联网与监测",
        DescriptionEn: null,
        Website: "https://example.cn");

    [Fact]
    public void Validate_ValidProvider_IsNormalised()
    {
        var result = ProviderValidator.Validate(Valid, Library);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Values));
        var value = result.Value!;
        Assert.Equal("福州示例智能科技有限公司", value.Name);
        Assert.Equal("91350100M000100Y43", value.CreditCode);
        Assert.Equal(["350000", "330000"], value.RegionsServed);
        Assert.Equal(["34", "36"], value.Industries);
        Assert.Equal(["ISO 9001"], value.Certifications);
        Assert.Equal("", value.DescriptionEn);
    }

    [Fact]
    public void Validate_EmptyProvider_ReportsRequiredFieldsInBothLanguages()
    {
        var result = ProviderValidator.Validate(new ProviderInput(null, null, null, null, null, null, null, null, null, null, null), Library);

        Assert.Null(result.Value);
        Assert.Equal(["creditCode", "name", "regionCode", "teamSize"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, e => Assert.False(string.IsNullOrWhiteSpace(e.Zh) || string.IsNullOrWhiteSpace(e.En)));
        Assert.Equal("name.required", result.Errors["name"].Code);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "creditCode.checkCharacter")]
    [InlineData("9135", "creditCode.length")]
    public void Validate_BadCreditCode_UsesTheStandardCheck(string code, string expected)
    {
        var result = ProviderValidator.Validate(Valid with { CreditCode = code }, Library);

        Assert.Equal(expected, Assert.Single(result.Errors).Value.Code);
    }

    [Fact]
    public void Validate_IndustrySection_IsNotADivision()
    {
        var result = ProviderValidator.Validate(Valid with { Industries = ["C"] }, Library);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("industries", "industries.unknown"), (error.Key, error.Value.Code));
        Assert.Contains("'C'", error.Value.En);
    }

    [Fact]
    public void Validate_UnknownRegionServedAndScenario_AreNamed()
    {
        var result = ProviderValidator.Validate(Valid with { RegionsServed = ["990000"], Scenarios = ["teleportation"] }, Library);

        Assert.Equal("regionsServed.unknown", result.Errors["regionsServed"].Code);
        Assert.Equal("scenarios.unknown", result.Errors["scenarios"].Code);
        Assert.Contains("teleportation", result.Errors["scenarios"].Zh);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_TeamSizeBelowOne_IsOutOfRange(int size)
    {
        var result = ProviderValidator.Validate(Valid with { TeamSize = size }, Library);

        Assert.Equal("teamSize.outOfRange", Assert.Single(result.Errors).Value.Code);
    }

    [Theory]
    [InlineData("example.cn")]
    [InlineData("ftp://example.cn")]
    [InlineData("javascript:alert(1)")]
    public void Validate_WebsiteThatIsNotAWebAddress_IsRejected(string website)
    {
        var result = ProviderValidator.Validate(Valid with { Website = website }, Library);

        Assert.Equal("website.notUrl", Assert.Single(result.Errors).Value.Code);
    }

    [Fact]
    public void Validate_NameOf201Characters_IsTooLong()
    {
        Assert.True(ProviderValidator.Validate(Valid with { Name = new string('厂', PoolFields.NameMaxLength) }, Library).IsValid);

        var result = ProviderValidator.Validate(Valid with { Name = new string('厂', PoolFields.NameMaxLength + 1) }, Library);
        Assert.Equal("name.tooLong", Assert.Single(result.Errors).Value.Code);
    }
}

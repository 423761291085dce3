using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class EnterpriseProfileValidatorTests
{
    private static readonly EnterpriseProfileInput Valid = new(
        Name: "福州示例机械有限公司",
        CreditCode: "91350100M000100Y43",
        IndustryCode: "34",
        RegionCode: "350100",
        Employees: 120,
        AnnualRevenueCny: 50_000_000m);

    [Fact]
    public void Validate_ValidProfile_HasNoErrorsAndASizeClass()
    {
        var result = EnterpriseProfileValidator.Validate(Valid);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(SizeClass.Small, result.SizeClass);
        Assert.Equal("91350100M000100Y43", result.NormalizedCreditCode);
    }

    [Fact]
    public void Validate_EmptyProfile_ReportsEveryFieldInBothLanguages()
    {
        var result = EnterpriseProfileValidator.Validate(new EnterpriseProfileInput(null, null, null, null, null, null));

        Assert.False(result.IsValid);
        Assert.Equal(
            new[] { "annualRevenueCny", "creditCode", "employees", "industryCode", "name", "regionCode" },
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Zh));
            Assert.False(string.IsNullOrWhiteSpace(e.En));
        });
        Assert.Null(result.SizeClass);
    }

    [Theory]
    [InlineData(null, EnterpriseProfileErrors.NameRequiredCode)]
    [InlineData("   ", EnterpriseProfileErrors.NameRequiredCode)]
    public void Validate_MissingName_IsRequired(string? name, string code)
    {
        AssertSingleError(Valid with { Name = name }, EnterpriseProfileFields.Name, code);
    }

    [Fact]
    public void Validate_NameOf200Characters_IsAccepted()
    {
        Assert.True(EnterpriseProfileValidator.Validate(Valid with { Name = new string('厂', 200) }).IsValid);
    }

    [Fact]
    public void Validate_NameOf201Characters_IsTooLong()
    {
        var error = AssertSingleError(Valid with { Name = new string('厂', 201) }, EnterpriseProfileFields.Name, EnterpriseProfileErrors.NameTooLongCode);

        Assert.Contains("at most 200 characters, got 201", error.En);
    }

    [Fact]
    public void Validate_NameOfSupplementaryCharacters_CountsEachAsOne()
    {
        // U+20000 (CJK Extension B) is two UTF-16 units; 200 of them are 200 characters.
        var name = string.Concat(Enumerable.Repeat("\U00020000", 200));

        Assert.True(EnterpriseProfileValidator.Validate(Valid with { Name = name }).IsValid);
    }

    [Theory]
    [InlineData("91350100M000100Y4X", CreditCodeErrors.CheckCharacterCode)]
    [InlineData("91350100M000100Y4", CreditCodeErrors.LengthCode)]
    [InlineData("", CreditCodeErrors.EmptyCode)]
    public void Validate_BadCreditCode_ReportsTheCodesError(string creditCode, string code)
    {
        AssertSingleError(Valid with { CreditCode = creditCode }, EnterpriseProfileFields.CreditCode, code);
    }

    [Fact]
    public void Validate_LowerCaseCreditCode_IsNormalised()
    {
        var result = EnterpriseProfileValidator.Validate(Valid with { CreditCode = " 91350100m000100y43 " });

        Assert.True(result.IsValid);
        Assert.Equal("91350100M000100Y43", result.NormalizedCreditCode);
    }

    [Theory]
    [InlineData(null, EnterpriseProfileErrors.IndustryRequiredCode)]
    [InlineData("C", EnterpriseProfileErrors.IndustryUnknownCode)] // a section, not a division
    [InlineData("99", EnterpriseProfileErrors.IndustryUnknownCode)]
    [InlineData("3411", EnterpriseProfileErrors.IndustryUnknownCode)]
    public void Validate_IndustryNotADivision_IsRejected(string? industryCode, string code)
    {
        AssertSingleError(Valid with { IndustryCode = industryCode }, EnterpriseProfileFields.IndustryCode, code);
    }

    [Theory]
    [InlineData(null, EnterpriseProfileErrors.RegionRequiredCode)]
    [InlineData("990000", EnterpriseProfileErrors.RegionUnknownCode)]
    [InlineData("35010", EnterpriseProfileErrors.RegionUnknownCode)]
    public void Validate_BadRegion_IsRejected(string? regionCode, string code)
    {
        AssertSingleError(Valid with { RegionCode = regionCode }, EnterpriseProfileFields.RegionCode, code);
    }

    [Theory]
    [InlineData("110000")]
    [InlineData("350102")]
    [InlineData("429004")]
    public void Validate_ProvinceOrCountyRegion_IsAccepted(string regionCode)
    {
        Assert.True(EnterpriseProfileValidator.Validate(Valid with { RegionCode = regionCode }).IsValid);
    }

    [Theory]
    [InlineData(null, EnterpriseProfileErrors.EmployeesRequiredCode)]
    [InlineData(-1, EnterpriseProfileErrors.EmployeesNegativeCode)]
    public void Validate_BadEmployees_IsRejectedAndNoSizeClass(int? employees, string code)
    {
        AssertSingleError(Valid with { Employees = employees }, EnterpriseProfileFields.Employees, code);
        Assert.Null(EnterpriseProfileValidator.Validate(Valid with { Employees = employees }).SizeClass);
    }

    [Theory]
    [InlineData(null, EnterpriseProfileErrors.RevenueRequiredCode)]
    [InlineData(-0.01, EnterpriseProfileErrors.RevenueNegativeCode)]
    public void Validate_BadRevenue_IsRejectedAndNoSizeClass(double? revenue, string code)
    {
        var input = Valid with { AnnualRevenueCny = (decimal?)revenue };

        AssertSingleError(input, EnterpriseProfileFields.AnnualRevenueCny, code);
        Assert.Null(EnterpriseProfileValidator.Validate(input).SizeClass);
    }

    [Fact]
    public void Validate_ZeroEmployeesAndRevenue_IsAValidMicroEnterprise()
    {
        var result = EnterpriseProfileValidator.Validate(Valid with { Employees = 0, AnnualRevenueCny = 0m });

        Assert.True(result.IsValid);
        Assert.Equal(SizeClass.Micro, result.SizeClass);
    }

    [Fact]
    public void Validate_OtherFieldsInvalid_StillComputesSizeClass()
    {
        var result = EnterpriseProfileValidator.Validate(Valid with { Name = null, Employees = 1000, AnnualRevenueCny = 400_000_000m });

        Assert.False(result.IsValid);
        Assert.Equal(SizeClass.Large, result.SizeClass);
    }

    private static EnterpriseMessage AssertSingleError(EnterpriseProfileInput input, string field, string code)
    {
        var result = EnterpriseProfileValidator.Validate(input);

        var (key, error) = Assert.Single(result.Errors);
        Assert.Equal(field, key);
        Assert.Equal(code, error.Code);
        return error;
    }
}

using System.Globalization;
using FactoryPath.Core.Enterprises;

namespace FactoryPath.Core.Tests.Enterprises;

public class SizeClassifierTests
{
    // 工信部联企业〔2011〕300号, industrial enterprises: at and just below every threshold.
    [Theory]
    [InlineData(1000, "400000000", SizeClass.Large)]
    [InlineData(999, "400000000", SizeClass.Medium)]
    [InlineData(1000, "399999999.99", SizeClass.Medium)]
    [InlineData(300, "20000000", SizeClass.Medium)]
    [InlineData(299, "20000000", SizeClass.Small)]
    [InlineData(300, "19999999.99", SizeClass.Small)]
    [InlineData(20, "3000000", SizeClass.Small)]
    [InlineData(19, "3000000", SizeClass.Micro)]
    [InlineData(20, "2999999.99", SizeClass.Micro)]
    [InlineData(0, "0", SizeClass.Micro)]
    [InlineData(5000, "10000000", SizeClass.Small)]
    [InlineData(10, "900000000", SizeClass.Micro)]
    [InlineData(int.MaxValue, "79228162514264337593543950335", SizeClass.Large)]
    public void Classify_IndustrialThresholds_GivesTheRegulationsClass(int employees, string revenue, SizeClass expected)
    {
        var annualRevenue = decimal.Parse(revenue, CultureInfo.InvariantCulture);

        Assert.Equal(expected, SizeClassifier.Classify(employees, annualRevenue));
    }

    [Fact]
    public void Classify_NegativeEmployees_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SizeClassifier.Classify(-1, 1_000_000m));

        Assert.Equal("employees", ex.ParamName);
        Assert.Contains("must not be negative", ex.Message);
    }

    [Fact]
    public void Classify_NegativeRevenue_IsRejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SizeClassifier.Classify(10, -0.01m));

        Assert.Equal("annualRevenueCny", ex.ParamName);
        Assert.Contains("must not be negative", ex.Message);
    }

    [Fact]
    public void Classify_WithOtherThresholds_UsesThem()
    {
        var custom = new SizeThresholds("test", "测试", "Test", "test", [
            new SizeThreshold(SizeClass.Large, 10, 10m),
            new SizeThreshold(SizeClass.Medium, 5, 5m),
            new SizeThreshold(SizeClass.Small, 1, 1m),
        ]);

        Assert.Equal(SizeClass.Large, SizeClassifier.Classify(10, 10m, custom));
        Assert.Equal(SizeClass.Small, SizeClassifier.Classify(9, 1m, custom));
        Assert.Equal(SizeClass.Micro, SizeClassifier.Classify(0, 100m, custom));
    }

    [Theory]
    [InlineData(SizeClass.Micro, "微型企业", "Micro enterprise")]
    [InlineData(SizeClass.Small, "小型企业", "Small enterprise")]
    [InlineData(SizeClass.Medium, "中型企业", "Medium enterprise")]
    [InlineData(SizeClass.Large, "大型企业", "Large enterprise")]
    public void Names_EachClass_HasChineseAndEnglish(SizeClass sizeClass, string zh, string en)
    {
        Assert.Equal(zh, sizeClass.Zh());
        Assert.Equal(en, sizeClass.En());
    }
}

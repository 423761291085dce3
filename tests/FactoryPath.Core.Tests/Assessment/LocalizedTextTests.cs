using FactoryPath.Core.Assessment;

namespace FactoryPath.Core.Tests.Assessment;

public class LocalizedTextTests
{
    [Theory]
    [InlineData("zh-CN", "设备")]
    [InlineData("zh-Hans", "设备")]
    [InlineData("ZH", "设备")]
    [InlineData("en", "Equipment")]
    [InlineData("en-GB", "Equipment")]
    [InlineData("fr-FR", "Equipment")]
    [InlineData("", "Equipment")]
    [InlineData(null, "Equipment")]
    public void For_CultureName_PicksChineseOnlyForChineseCultures(string? culture, string expected)
    {
        Assert.Equal(expected, new LocalizedText("设备", "Equipment").For(culture));
    }
}

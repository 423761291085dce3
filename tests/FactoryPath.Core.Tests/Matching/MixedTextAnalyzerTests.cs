using FactoryPath.Core.Matching;

namespace FactoryPath.Core.Tests.Matching;

public class MixedTextAnalyzerTests
{
    private static string Analyse(string text)
    {
        using var analyzer = new MixedTextAnalyzer();
        return string.Join(' ', analyzer.Tokens(text).Select(t => t.Term));
    }

    [Theory]
    [InlineData("设备能耗监测", "设备 备能 能耗 耗监 监测")]
    [InlineData("能", "能")]
    [InlineData("MES 系统", "mes 系统")]
    [InlineData("ERP和MES", "erp 和 mes")]
    [InlineData("Scheduling the Factory's machines", "schedul factori machin")]
    [InlineData("ＭＥＳ", "mes")]
    public void Tokens_MixedText_AreBigramsAndStems(string text, string expected)
    {
        Assert.Equal(expected, Analyse(text));
    }

    [Fact]
    public void Tokens_Bigrams_HaveConsecutivePositionsAndSourceOffsets()
    {
        using var analyzer = new MixedTextAnalyzer();

        var tokens = analyzer.Tokens("能耗监测");

        Assert.Equal([0, 1, 2], tokens.Select(t => t.Position));
        Assert.Equal("耗监", "能耗监测"[tokens[1].Start..tokens[1].End]);
    }
}

using FactoryPath.Core.Matching;

namespace FactoryPath.Core.Tests.Matching;

public class SynonymListLoaderTests
{
    [Fact]
    public void LoadText_GroupsAndComments_AreRead()
    {
        var result = SynonymListLoader.LoadText("# ours\n\n能耗， 能源, energy\nERP,企业资源计划\n", "s.txt");

        Assert.True(result.Succeeded);
        Assert.Collection(
            result.List!.Groups,
            g => Assert.Equal("3: 能耗|能源|energy", $"{g.Line}: {string.Join('|', g.Terms)}"),
            g => Assert.Equal("4: ERP|企业资源计划", $"{g.Line}: {string.Join('|', g.Terms)}"));
    }

    [Theory]
    [InlineData("a, b\n , ,\n", 2, "empty group")]
    [InlineData("a, b\nc,,d\n", 2, "empty term")]
    [InlineData("a, b\nc\n", 2, "one term")]
    [InlineData("能耗, 能源\n\n用能, 能耗\n", 3, "line 1")]
    [InlineData("MES, x\nmes, y\n", 2, "line 1")]
    [InlineData("a, b, a\n", 1, "earlier on this line")]
    public void LoadText_BadGroup_IsAnErrorAtItsLine(string text, int line, string message)
    {
        var result = SynonymListLoader.LoadText(text, "s.txt");

        Assert.Null(result.List);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("s.txt", line), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedFile_LoadsWithoutErrors()
    {
        var result = SynonymListLoader.LoadText(SynonymList.ReadEmbeddedText(), "synonyms.txt");

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.List!.Groups.Count >= 25);
        Assert.Same(SynonymList.LoadEmbedded(), SynonymList.LoadEmbedded());
    }
}

using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Core.Tests.Matching;

public class MatchWeightsLoaderTests
{
    [Fact]
    public void ShippedFile_LoadsWithEveryComponent()
    {
        var result = MatchWeightsLoader.LoadText(MatchWeights.ReadEmbeddedText());

        Assert.Empty(result.Errors);
        Assert.Equal(Enum.GetValues<MatchComponent>().Length, result.Weights!.Components.Count);
        Assert.Same(MatchWeights.LoadEmbedded(), MatchWeights.LoadEmbedded());
    }

    private static string Shipped(Func<string, string> change) => change(MatchWeights.ReadEmbeddedText());

    [Theory]
    [InlineData("\"text\": 0.26", "\"text\": -1", "components.text: the weight must be a number ≥ 0")]
    [InlineData("\"text\": 0.26,", "\"txet\": 0.26,", "components.txet: unknown component")]
    [InlineData("\"budget\": 0.10,", "", "components.budget: missing")]
    [InlineData("\"ratingPriorMean\": 3.5", "\"ratingPriorMean\": 7", "ratingPriorMean: 7 is outside 1–5")]
    [InlineData("\"candidatesPerKind\": 200", "\"candidatesPerKind\": \"many\"", "candidatesPerKind: missing or not a number")]
    public void BadValue_IsNamedInTheError(string from, string to, string error)
    {
        var text = Shipped(t => t.Replace(from, to, StringComparison.Ordinal));
        Assert.NotEqual(MatchWeights.ReadEmbeddedText(), text);

        var result = MatchWeightsLoader.LoadText(text);

        Assert.Null(result.Weights);
        Assert.Contains(result.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public void AllWeightsZero_IsAnError()
    {
        var zero = System.Text.RegularExpressions.Regex.Replace(MatchWeights.ReadEmbeddedText(), "(\"(text|scenarios|roadmap|industry|budget|size|region|deployment|evidence|standardised|bestSolution)\": )[0-9.]+", "${1}0");

        Assert.Contains("components: at least one weight must be above 0", MatchWeightsLoader.LoadText(zero).Errors);
    }

    [Fact]
    public void NotJson_IsAnError()
    {
        Assert.StartsWith("not valid JSON", Assert.Single(MatchWeightsLoader.LoadText("{ components: ").Errors), StringComparison.Ordinal);
    }
}

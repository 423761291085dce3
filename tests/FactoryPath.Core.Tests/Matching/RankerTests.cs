using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Core.Tests.Matching;

public class RankerTests
{
    private readonly Ranker ranker = new(MatchWeights.LoadEmbedded());

    private static CandidateFacts Solution(string id = "s") => new() { Id = id, Kind = SearchDocumentKinds.Solution, ProviderId = "p" };

    private ComponentScore Component(MatchRequest request, CandidateFacts facts, MatchComponent component) =>
        Assert.Single(ranker.Score(request, facts, null, []).Components, c => c.Component == component);

    [Theory]
    [InlineData(80_000, 120_000, 50_000, 200_000, 1.0)]   // budget inside the price range
    [InlineData(0, 500_000, 50_000, 200_000, 1.0)]        // price range inside the budget
    [InlineData(100_000, 200_000, 150_000, 250_000, 0.5)] // half of the narrower range overlaps
    [InlineData(50_000, 80_000, 100_000, 200_000, 0.0)]   // price above the budget
    [InlineData(300_000, 400_000, 100_000, 200_000, 0.0)] // price below the budget
    [InlineData(100_000, 100_000, 100_000, 200_000, 1.0)] // a single figure at the edge of the range
    public void BudgetFit_IsOneInsideGradedOnOverlapZeroOutside(long bmin, long bmax, long pmin, long pmax, double expected)
    {
        Assert.Equal(expected, Ranker.BudgetFit(bmin, bmax, pmin, pmax), 3);
    }

    [Fact]
    public void Budget_Reason_NamesBothRangesInTenThousands()
    {
        var c = Component(new MatchRequest { BudgetMinCny = 80_000, BudgetMaxCny = 120_000 }, Solution() with { PriceMinCny = 50_000, PriceMaxCny = 200_000 }, MatchComponent.Budget);

        Assert.Equal("预算 ¥8–12万 与报价 ¥5–20万 吻合", c.Reason.Zh);
        Assert.Equal("budget ¥80k–120k fits the price range ¥50k–200k", c.Reason.En);
    }

    [Fact]
    public void Roadmap_EarlierStepsCountMore_AndTheReasonSaysWhichSteps()
    {
        var request = new MatchRequest { RoadmapScenarios = ["a", "b", "c"] };

        var first = Component(request, Solution() with { Scenarios = ["a", "b"] }, MatchComponent.Roadmap);
        var last = Component(request, Solution() with { Scenarios = ["b", "c"] }, MatchComponent.Roadmap);

        Assert.True(first.Value > last.Value);
        Assert.Equal((1 + 0.5) / (1 + 0.5 + 1 / 3.0), first.Value, 6);
        Assert.Equal("覆盖路线图前两步的场景", first.Reason.Zh);
        Assert.Equal("covers the first two roadmap steps", first.Reason.En);
        Assert.Equal("covers roadmap steps 2, 3", last.Reason.En);
    }

    [Fact]
    public void Rating_WithPrior_TwentyGoodProjectsBeatOnePerfectOne()
    {
        Assert.True(ranker.RatingFit(4.6, 20) > ranker.RatingFit(5.0, 1));
        Assert.Equal(ranker.RatingFit(null, 0), ranker.RatingFit(4.9, 0));
    }

    [Fact]
    public void Evidence_SameIndustryCasesRaiseIt()
    {
        var request = new MatchRequest { IndustryCode = "34" };
        var none = Component(request, Solution(), MatchComponent.Evidence);
        var cases = Component(request, Solution() with { Cases = [new CaseFact("34", []), new CaseFact("34", [])] }, MatchComponent.Evidence);

        Assert.True(cases.Value > none.Value);
        Assert.StartsWith("同行业案例 2 个", cases.Reason.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SizeClass.Small, new[] { SizeClass.Small }, 1.0)]
    [InlineData(SizeClass.Small, new[] { SizeClass.Medium }, 0.4)]
    [InlineData(SizeClass.Micro, new[] { SizeClass.Large }, 0.0)]
    [InlineData(SizeClass.Micro, new SizeClass[0], 0.6)]
    public void Size_ExactAdjacentOtherOrAny(SizeClass wanted, SizeClass[] offered, double expected)
    {
        Assert.Equal(expected, Component(new MatchRequest { SizeClass = wanted }, Solution() with { SizeClasses = offered }, MatchComponent.Size).Value);
    }

    [Theory]
    [InlineData("330206", new string[0], 1.0)]
    [InlineData("330206", new[] { "330000" }, 1.0)]
    [InlineData("330206", new[] { "330200" }, 1.0)]
    [InlineData("330206", new[] { "330100" }, 0.0)]
    [InlineData("330000", new[] { "330200" }, 0.5)]
    public void Region_ServedScopeContainsTheRequest(string wanted, string[] served, double expected)
    {
        Assert.Equal(expected, Component(new MatchRequest { RegionCode = wanted }, Solution() with { RegionsServed = served }, MatchComponent.Region).Value);
    }

    [Fact]
    public void Score_IsTheWeightedMeanOfTheComponentsThatApply()
    {
        var facts = Solution() with { Industries = ["34"], Deployment = DeploymentMode.Saas, Standardised = true };
        var (score, components) = ranker.Score(new MatchRequest { IndustryCode = "34", Deployment = DeploymentMode.OnPremises }, facts, 0.5, []);

        var weights = MatchWeights.LoadEmbedded();
        Assert.Equal(
            [MatchComponent.Text, MatchComponent.Industry, MatchComponent.Deployment, MatchComponent.Evidence, MatchComponent.Standardised],
            components.Select(c => c.Component));
        var total = components.Sum(c => c.Weight);
        Assert.Equal(components.Sum(c => c.Weight * c.Value) / total, score, 9);
        Assert.Equal(weights.Weight(MatchComponent.Industry) / total, components.Single(c => c.Component == MatchComponent.Industry).Contribution, 9);
        Assert.All(components, c => Assert.InRange(c.Value, 0, 1));
        Assert.Equal(0, components.Single(c => c.Component == MatchComponent.Deployment).Value);
    }
}

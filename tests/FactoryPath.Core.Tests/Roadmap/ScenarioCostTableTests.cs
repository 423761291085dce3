using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Roadmap;

namespace FactoryPath.Core.Tests.Roadmap;

public class ScenarioCostTableTests
{
    private static SolutionOffer Offer(long min, long max, int weeks, string[]? industries = null, SizeClass[]? sizes = null, params string[] scenarios) =>
        new(scenarios.Length == 0 ? ["equipment-monitoring"] : scenarios, industries ?? [], sizes ?? [], min, max, weeks);

    [Fact]
    public void Summarise_UsesNearestRankPercentilesOfPriceMidpoints()
    {
        // midpoints 10k, 20k, 30k, 40k, 50k (sorted); n = 5: P25 rank ceil(1.25) = 2 -> 20k, P75 rank ceil(3.75) = 4 -> 40k;
        // weeks 2, 3, 4, 8, 12: median rank ceil(2.5) = 3 -> 4
        var offers = new[] { Offer(40_000, 60_000, 12), Offer(0, 20_000, 2), Offer(20_000, 40_000, 4), Offer(30_000, 50_000, 8), Offer(10_000, 30_000, 3) };

        Assert.Equal(new ScenarioCost(20_000, 40_000, 4, 5), ScenarioCostTable.Summarise(offers));
    }

    [Fact]
    public void Summarise_OneOffer_IsThatOffer()
    {
        Assert.Equal(new ScenarioCost(15_000, 15_000, 6, 1), ScenarioCostTable.Summarise([Offer(10_000, 20_001, 6)]));
    }

    [Fact]
    public void Build_KeepsOnlyOffersThatFitTheEnterprise_EmptyListsMeanAny()
    {
        var offers = new[]
        {
            Offer(10_000, 10_000, 2),                                             // any industry, any size
            Offer(20_000, 20_000, 4, industries: ["34"]),                       // fits division 34
            Offer(900_000, 900_000, 40, industries: ["26"]),                    // other division
            Offer(800_000, 800_000, 30, sizes: [SizeClass.Large]),              // other size
            Offer(30_000, 30_000, 6, industries: ["34", "35"], sizes: [SizeClass.Small, SizeClass.Micro]),
            Offer(5_000, 5_000, 1, scenarios: "lean-digital-management"),
        };

        var table = ScenarioCostTable.Build(offers, SizeClass.Small, "34");

        Assert.Equal(new ScenarioCost(10_000, 30_000, 4, 3), table.Find("equipment-monitoring"));
        Assert.Equal(1, table.Find("lean-digital-management")!.Solutions);
        Assert.Null(table.Find("digital-twin-factory"));
        Assert.Equal(5, ScenarioCostTable.Build(offers, null, null).Find("equipment-monitoring")!.Solutions);
    }
}

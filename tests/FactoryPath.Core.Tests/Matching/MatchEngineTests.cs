using FactoryPath.Core.Catalog;
using FactoryPath.Core.Matching;
using FactoryPath.Core.Matching.Ranking;

namespace FactoryPath.Core.Tests.Matching;

public sealed class MatchEngineTests : IDisposable
{
    private readonly MatchEngine engine = new(SynonymList.LoadEmbedded(), MatchWeights.LoadEmbedded());

    public void Dispose() => engine.Dispose();

    private void Add(string id, string title, Func<CandidateFacts, CandidateFacts>? facts = null, string kind = SearchDocumentKinds.Solution, string provider = "p1")
    {
        var f = new CandidateFacts { Id = id, Kind = kind, ProviderId = kind == SearchDocumentKinds.Provider ? id : provider, RegionsServed = kind == SearchDocumentKinds.Case ? null : [] };
        engine.Upsert(new CandidateText(title, "", "", ""), facts is null ? f : facts(f));
    }

    private IReadOnlyList<string> Solutions(MatchRequest request) =>
        engine.Match(request, [SearchDocumentKinds.Solution], 10).Of(SearchDocumentKinds.Solution).Select(m => m.Id).ToList();

    [Fact]
    public void HardFilters_AreAppliedAndMultiValuedIndustriesMatch()
    {
        Add("metal", "能耗监测", f => f with { Industries = ["33", "34"], Deployment = DeploymentMode.Saas, PriceMinCny = 50_000, PriceMaxCny = 90_000 });
        Add("any", "能耗监测", f => f with { Deployment = DeploymentMode.OnPremises, PriceMinCny = 200_000, PriceMaxCny = 300_000 });
        Add("textile", "能耗监测", f => f with { Industries = ["17"], Deployment = DeploymentMode.Saas, PriceMinCny = 10_000, PriceMaxCny = 20_000 });

        Assert.Equal(["metal", "any"], Solutions(new MatchRequest { Text = "用能", IndustryCode = "34", Hard = new() { Industry = true } }));
        Assert.Equal(["metal", "textile"], Solutions(new MatchRequest { Text = "用能", Deployment = DeploymentMode.Saas, Hard = new() { Deployment = true } }).Order());
        Assert.Equal(["metal", "textile"], Solutions(new MatchRequest { Text = "用能", BudgetMaxCny = 100_000, Hard = new() { MaxBudget = true } }).Order());
        Assert.Equal(3, Solutions(new MatchRequest { Text = "用能", BudgetMaxCny = 100_000 }).Count);
    }

    [Fact]
    public void HardRegionFilter_KeepsNationwideAndContainingScopes()
    {
        Add("nation", "排产");
        Add("zj", "排产", f => f with { RegionsServed = ["330000"] });
        Add("nb", "排产", f => f with { RegionsServed = ["330200"] });
        Add("hz", "排产", f => f with { RegionsServed = ["330100"] });

        Assert.Equal(["nation", "nb", "zj"], Solutions(new MatchRequest { Text = "排程", RegionCode = "330206", Hard = new() { RegionServed = true } }).Order());
    }

    [Fact]
    public void EmptyText_FindsCandidatesByScenario()
    {
        Add("both", "甲", f => f with { Scenarios = ["a", "b"] });
        Add("one", "乙", f => f with { Scenarios = ["b"] });
        Add("none", "丙", f => f with { Scenarios = ["z"] });

        Assert.Equal(["both", "one"], Solutions(new MatchRequest { Scenarios = ["a", "b"] }));
    }

    [Fact]
    public void Results_CarryComponentsAndMatchedConcepts()
    {
        Add("x", "设备能耗实时监测平台", f => f with { Industries = ["34"] });

        var match = Assert.Single(engine.Match(new MatchRequest { Text = "用能监测", IndustryCode = "34" }, [SearchDocumentKinds.Solution], 5).Of(SearchDocumentKinds.Solution));

        Assert.Contains(match.Matched, m => m.QueryText == "用能" && m.Forms.Contains("能耗"));
        var text = Assert.Single(match.Components, c => c.Component == MatchComponent.Text);
        Assert.Equal(1, text.Value);
        Assert.Contains("用能（能耗）", text.Reason.Zh, StringComparison.Ordinal);
        Assert.Equal(match.Score, match.Components.Sum(c => c.Contribution), 9);
    }

    [Fact]
    public void Providers_AreRankedWithTheirBestSolution()
    {
        Add("pa", "工业软件公司", kind: SearchDocumentKinds.Provider);
        Add("pb", "工业软件公司", kind: SearchDocumentKinds.Provider);
        Add("sa", "智能排产系统", provider: "pa");
        Add("sb", "财务软件", provider: "pb");

        var providers = engine.Match(new MatchRequest { Text = "排程" }, [SearchDocumentKinds.Provider], 5).Of(SearchDocumentKinds.Provider);

        Assert.Equal("pa", providers[0].Id);
        Assert.Contains(providers[0].Components, c => c.Component == MatchComponent.BestSolution && c.Value > 0);
    }

    [Fact]
    public void UpsertAndDelete_ChangeTheNextMatch()
    {
        Add("x", "智能排产");
        Assert.Equal(["x"], Solutions(new MatchRequest { Text = "排产" }));

        Add("x", "质量追溯");
        Assert.Empty(Solutions(new MatchRequest { Text = "排产" }));

        engine.Delete("x");
        Assert.Empty(Solutions(new MatchRequest { Text = "追溯" }));
        Assert.Equal(0, engine.Count);
    }

    [Fact]
    public void Rebuild_ReplacesFactsAndText()
    {
        Add("old", "智能排产");

        var count = engine.Rebuild([(new CandidateText("智能排产", "", "", ""), new CandidateFacts { Id = "new", Kind = SearchDocumentKinds.Solution })]);

        Assert.Equal(1, count);
        Assert.Equal(["new"], Solutions(new MatchRequest { Text = "排产" }));
        Assert.Null(engine.Facts("old"));
    }
}

namespace FactoryPath.Web.Tests.Matching;

public sealed class MatchingPageTests(MatchingWorld w) : IClassFixture<MatchingWorld>
{
    private Task<PageClient> OwnerAsync(string culture) => PageClient.SignedInAsync(w.Factory, w.EmailA, ApiClient.Password, culture);

    [Fact]
    public async Task MatchPage_Anonymous_IsSentToSignIn()
    {
        var response = await PageClient.Anonymous(w.Factory).Http.GetAsync("/match?q=能耗");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchPage_NoQuery_ShowsTheStartStateWithTheProfileFilledIn()
    {
        var page = await (await OwnerAsync("en")).GetDocumentAsync("/match");

        Assert.Equal("Find solutions", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=match-start]"));
        Assert.Equal("330212", page.QuerySelector("#region")!.GetAttribute("value"));
    }

    [Fact]
    public async Task MatchPage_Chinese_ListsSolutionsWithWhyThisMatch()
    {
        var page = await (await OwnerAsync("zh-CN")).GetDocumentAsync("/match?q=用能监测&industry=34&budgetMin=80000&budgetMax=120000");

        Assert.Equal("找方案", page.QuerySelector("h1")!.TextContent);
        var first = page.QuerySelector("[data-testid='matching.solutions'] [data-testid=match]")!;
        Assert.Equal(w.Energy.Id.ToString(), first.GetAttribute("data-id"));
        Assert.Contains("匹配理由", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("预算 ¥8–12万 与报价 ¥5–15万 吻合", first.QuerySelector("[data-component=budget]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("用能 → 能耗", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchPage_BadBudget_ShowsTheErrorBesideTheField()
    {
        var page = await (await OwnerAsync("en")).GetDocumentAsync("/match?q=energy&budgetMin=200&budgetMax=100");

        Assert.Equal("budgetMaxCny cannot be below budgetMinCny.", page.QuerySelector(".field-error[data-field=budgetMaxCny]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=match]"));
    }

    [Fact]
    public async Task MatchPage_NothingMatches_SaysSo()
    {
        var page = await (await OwnerAsync("en")).GetDocumentAsync("/match?q=xyzzy&hardRegion=true&region=440300");

        Assert.Contains("Nothing matches", page.QuerySelector("[data-testid='matching.solutions']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultPage_ShowsMatchedSolutionsUnderTheRoadmap()
    {
        var page = await (await OwnerAsync("en")).GetDocumentAsync($"/results/{w.ResultA}");

        var block = page.QuerySelector("[data-testid=matched-solutions]")!;
        Assert.Contains("Matched solutions", block.TextContent, StringComparison.Ordinal);
        Assert.Equal(w.Everything.Id.ToString(), block.QuerySelector("[data-testid=match]")!.GetAttribute("data-id"));
        Assert.NotNull(block.QuerySelector("[data-component=roadmap]"));
        Assert.NotNull(block.QuerySelector("a[href='/match']"));
    }
}

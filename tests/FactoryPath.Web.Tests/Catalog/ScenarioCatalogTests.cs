namespace FactoryPath.Web.Tests.Catalog;

public sealed class ScenarioCatalogTests : IClassFixture<ScenarioCatalogTests.Host>
{
    private readonly PlatformFactory _factory;

    public ScenarioCatalogTests(Host host) => _factory = host.Factory;

    public sealed class Host : IDisposable
    {
        public PlatformFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task The_library_lists_the_eight_links_and_the_forty_guide_scenarios_and_sixteen_scenes()
    {
        var http = _factory.CreateClient();
        var links = await ApiClient.ReadAsync(await http.GetAsync("/api/v1/catalog/links"));
        Assert.Equal(8, links.GetArrayLength());
        Assert.Equal(40, links.EnumerateArray().Sum(l => l.GetProperty("scenarios").GetArrayLength()));

        var scenes = await ApiClient.ReadAsync(await http.GetAsync("/api/v1/catalog/scenarios?source=sme-2024"));
        Assert.Equal(16, scenes.GetArrayLength());
        Assert.Equal(10, scenes.EnumerateArray().Count(s => s.GetProperty("constraint").GetBoolean()));
    }

    [Fact]
    public async Task Scenarios_can_be_found_by_what_they_improve_and_one_scenario_by_id()
    {
        var http = _factory.CreateClient();
        var improving = await ApiClient.ReadAsync(await http.GetAsync("/api/v1/catalog/scenarios?improves=equipment-networking"));
        Assert.True(improving.GetArrayLength() > 0);
        Assert.All(improving.EnumerateArray(), s =>
            Assert.Contains("equipment-networking", s.GetProperty("improves").EnumerateArray().Select(t => t.GetProperty("nodeId").GetString())));

        var id = improving[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/catalog/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/v1/catalog/scenarios/no-such-scenario")).StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "典型场景库", "设备运行监控")]
    [InlineData("en", "Typical scenario library", "Equipment")]
    public async Task The_scenario_page_is_public_and_bilingual(string culture, string heading, string text)
    {
        var page = await PageClient.Anonymous(_factory, culture).GetDocumentAsync("/scenarios");
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(56, page.QuerySelectorAll("[data-scenario]").Length);
        Assert.Contains(text, page.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "智能制造能力成熟度（GB/T 39116）子域：装备、设备管理、网络")]
    [InlineData("en", "Smart manufacturing maturity (GB/T 39116) sub-domains: Equipment, Equipment management, Network")]
    public async Task The_scenario_page_shows_GBT39116_sub_domains_apart(string culture, string text)
    {
        var page = await PageClient.Anonymous(_factory, culture).GetDocumentAsync("/scenarios");

        var row = page.QuerySelector("[data-scenario=equipment-monitoring]")!;
        Assert.Equal(text, row.QuerySelector("[data-testid=sub-domains]")!.TextContent.Trim());
    }
}

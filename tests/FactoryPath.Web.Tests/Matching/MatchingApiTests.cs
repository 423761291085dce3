using FactoryPath.Core.Matching;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Web.Tests.Matching;

public sealed class MatchingApiTests(MatchingWorld w) : IClassFixture<MatchingWorld>
{
    private static object EnergyRequest => new { text = "用能监测", industryCode = "34", sizeClass = "small", budgetMinCny = 80_000, budgetMaxCny = 120_000, regionCode = "330212" };

    [Fact]
    public async Task Match_ChineseSynonym_FindsTheSolutionWithReasonsInBothLanguages()
    {
        var response = await w.A.Http.PostAsJsonAsync("/api/v1/match", EnergyRequest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        var first = body.GetProperty("solutions")[0];
        Assert.Equal(w.Energy.Id.ToString(), first.GetProperty("id").GetString());
        Assert.Equal("蓝海工业软件", first.GetProperty("providerName").GetString());
        var components = first.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("component").GetString()!);
        Assert.Equal("预算 ¥8–12万 与报价 ¥5–15万 吻合", components["budget"].GetProperty("reasonZh").GetString());
        Assert.Equal("budget ¥80k–120k fits the price range ¥50k–150k", components["budget"].GetProperty("reasonEn").GetString());
        Assert.Equal(1, components["region"].GetProperty("value").GetDouble());
        var matched = Assert.Single(first.GetProperty("matchedText").EnumerateArray(), m => m.GetProperty("query").GetString() == "用能");
        Assert.Equal("能耗", matched.GetProperty("forms")[0].GetString());
        var score = first.GetProperty("score").GetDouble();
        Assert.Equal(score, components.Values.Sum(c => c.GetProperty("contribution").GetDouble()), 3);
        Assert.Equal(w.Provider.Id.ToString(), body.GetProperty("providers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Match_HardFilters_ExcludeInsteadOfLowering()
    {
        var body = await ApiClient.ReadAsync(await w.A.Http.PostAsJsonAsync("/api/v1/match",
            new { text = "能耗", regionCode = "440300", kinds = new[] { "solution" }, hard = new { regionServed = true } }));

        Assert.Equal(0, body.GetProperty("solutions").GetArrayLength());
        Assert.Equal(0, body.GetProperty("providers").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", "text")]
    [InlineData("{\"text\":\"能耗\",\"industryCode\":\"99\"}", "industryCode")]
    [InlineData("{\"text\":\"能耗\",\"regionCode\":\"12\"}", "regionCode")]
    [InlineData("{\"text\":\"能耗\",\"budgetMinCny\":200,\"budgetMaxCny\":100}", "budgetMaxCny")]
    [InlineData("{\"text\":\"能耗\",\"top\":51}", "top")]
    [InlineData("{\"text\":\"能耗\",\"scenarios\":[\"no-such-scenario\"]}", "scenarios")]
    [InlineData("{\"text\":\"能耗\",\"kinds\":[\"chain\"]}", "kinds")]
    public async Task Match_BadInput_IsAFieldError(string json, string field)
    {
        var response = await w.A.Http.PostAsync("/api/v1/match", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Match_ChineseClient_GetsChineseFieldErrors()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/match") { Content = JsonContent.Create(new { text = "能耗", top = 0 }) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var body = await ApiClient.ReadAsync(await w.A.Http.SendAsync(request));

        Assert.Equal("top 必须在 1 到 50 之间。", body.GetProperty("errors").GetProperty("top")[0].GetString());
    }

    [Fact]
    public async Task ResultMatches_OwnResult_GivesRoadmapSolutionsWithWhy()
    {
        var response = await w.A.Http.GetAsync($"/api/v1/results/{w.ResultA}/matches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        Assert.True(body.GetProperty("roadmapScenarios").GetArrayLength() > 0);
        Assert.Equal("34", body.GetProperty("industryCode").GetString());
        var first = body.GetProperty("solutions")[0];
        Assert.Equal(w.Everything.Id.ToString(), first.GetProperty("id").GetString());
        var roadmap = Assert.Single(first.GetProperty("components").EnumerateArray(), c => c.GetProperty("component").GetString() == "roadmap");
        Assert.Equal(1, roadmap.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task ResultMatches_AnotherEnterprisesResult_Is404WithoutData()
    {
        var response = await w.A.Http.GetAsync($"/api/v1/results/{w.ResultB}/matches");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("solutions", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultMatches_ProviderAccount_Is404()
    {
        var provider = await w.AsAsync(PlatformRoles.ServiceProvider);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/api/v1/results/{w.ResultA}/matches")).StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/v1/match")]
    [InlineData("GET", "/api/v1/results/{result}/matches")]
    [InlineData("POST", "/api/v1/admin/matching/rebuild")]
    public async Task Anonymous_Is401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{result}", w.ResultA.ToString(), StringComparison.Ordinal));
        if (method == "POST") request.Content = JsonContent.Create(new { text = "能耗" });

        Assert.Equal(HttpStatusCode.Unauthorized, (await w.Factory.CreateClient().SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(PlatformRoles.EnterpriseUser)]
    [InlineData(PlatformRoles.ServiceProvider)]
    [InlineData(PlatformRoles.RegionalAdmin)]
    public async Task Rebuild_NotOperator_Is403(string role)
    {
        var client = role == PlatformRoles.RegionalAdmin ? await Users.WithRoleAsync(w.Factory, role, "330000") : await w.AsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.PostAsync("/api/v1/admin/matching/rebuild", null)).StatusCode);
    }

    [Fact]
    public async Task Rebuild_Operator_ReportsDocumentsAndTime()
    {
        var admin = await w.AsAsync(PlatformRoles.PlatformAdmin);

        var response = await admin.Http.PostAsync("/api/v1/admin/matching/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        Assert.Equal(3, body.GetProperty("documents").GetInt32()); // one provider, two solutions
        Assert.True(body.GetProperty("milliseconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task IndexNotBuilt_MatchWaitsThenSaysSo()
    {
        using var index = new MatchingIndex(w.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            w.Factory.Services, NullLogger<MatchingIndex>.Instance);

        Assert.False(index.IsReady);
        Assert.Null(await index.MatchAsync(new() { Text = "能耗" }, [SearchDocumentKinds.Solution], 5, TimeSpan.FromMilliseconds(10)));
        await index.RebuildAsync();
        Assert.NotNull(await index.MatchAsync(new() { Text = "能耗" }, [SearchDocumentKinds.Solution], 5, TimeSpan.Zero));
    }
}

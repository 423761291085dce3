using FactoryPath.Core.Assessment;
using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Catalog;

/// <summary>
/// GET /api/v1/results/{id}/roadmap with shaping and costs, and the roadmap section of the result page.
/// The test enterprise has 180 employees and 6,500万 revenue in division 34: a small, discrete manufacturer.
/// </summary>
public sealed class RoadmapApiTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Roadmap_is_shaped_for_the_enterprise_and_priced_from_fitting_solutions_only()
    {
        var (client, resultId) = await SubmitAsync("miit-sme-digital-level", 0.3);
        var scenario = await FirstStepAsync(client, resultId);
        await SeedAsync(
            Solution(scenario, 100_000, 300_000, 4),                                    // any size, any industry: midpoint 200k
            Solution(scenario, 60_000, 100_000, 6, sizes: [SizeClass.Small], industries: ["34"]), // midpoint 80k
            Solution(scenario, 5_000_000, 9_000_000, 40, sizes: [SizeClass.Large]),      // does not fit a small firm
            Solution(scenario, 4_000_000, 4_000_000, 30, industries: ["26"]));           // does not fit division 34

        var roadmap = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));

        Assert.Equal("Order adjusted for: small enterprise, discrete manufacturing.", roadmap.GetProperty("shapedBy").GetProperty("en").GetString());
        var steps = roadmap.GetProperty("steps").EnumerateArray().ToList();
        var step = steps.Single(s => s.GetProperty("scenarioId").GetString() == scenario);
        // two fitting offers, midpoints 80k and 200k: P25 = 80k (rank 1), P75 = 200k (rank 2), median weeks = 4 (rank 1)
        var cost = step.GetProperty("cost");
        Assert.Equal(80_000, cost.GetProperty("priceLowCny").GetInt64());
        Assert.Equal(200_000, cost.GetProperty("priceHighCny").GetInt64());
        Assert.Equal(4, cost.GetProperty("typicalWeeks").GetInt32());
        Assert.Equal(2, cost.GetProperty("solutions").GetInt32());
        Assert.False(string.IsNullOrEmpty(step.GetProperty("why").GetProperty("zh").GetString()));
        Assert.Contains(steps, s => s.GetProperty("cost").ValueKind == JsonValueKind.Null);
        var total = roadmap.GetProperty("costToTarget");
        Assert.Equal(80_000, total.GetProperty("priceLowCny").GetInt64());
        Assert.Equal(total.GetProperty("steps").GetInt32() - 1, total.GetProperty("stepsWithoutSolutions").GetInt32());
    }

    [Fact]
    public async Task A_solution_added_later_shows_on_the_next_roadmap()
    {
        var (client, resultId) = await SubmitAsync("miit-sme-digital-level", 0.3);
        var scenario = await FirstStepAsync(client, resultId);
        var before = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("steps")[0].GetProperty("cost").ValueKind);

        await SeedAsync(Solution(scenario, 10_000, 30_000, 2));
        var after = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));

        Assert.Equal(1, after.GetProperty("steps")[0].GetProperty("cost").GetProperty("solutions").GetInt32());
    }

    [Fact]
    public async Task Staged_model_result_gets_a_roadmap_of_sub_domains()
    {
        var (client, resultId) = await SubmitAsync("cmmm-selfcheck", 0.3);

        var roadmap = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));

        Assert.Equal(JsonValueKind.Object, roadmap.GetProperty("target").ValueKind);
        var steps = roadmap.GetProperty("steps").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.Single(steps, s => s.GetProperty("reachesTarget").GetBoolean());
        Assert.Contains(steps, s => s.GetProperty("lifts").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("en", "Why here:", "no solutions yet", "typically ¥")]
    [InlineData("zh-CN", "为何在此：", "暂无匹配的解决方案", "通常 ¥")]
    public async Task Result_page_shows_why_and_cost_per_step_in_both_languages(string culture, string why, string none, string typically)
    {
        var email = Codes.Email("owner");
        var client = await ApiClient.RegisterAsync(_factory, email);
        var (_, resultId) = await SubmitAsync("miit-sme-digital-level", 0.3, client);
        await SeedAsync(Solution(await FirstStepAsync(client, resultId), 100_000, 300_000, 4));
        var page = await PageClient.SignedInAsync(_factory, email, ApiClient.Password, culture);

        var document = await page.GetDocumentAsync($"/results/{resultId}");

        var section = document.QuerySelector("[data-testid=roadmap]")!;
        Assert.Contains(why, section.QuerySelector("[data-testid=step-why]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(typically, section.QuerySelectorAll("[data-testid=step-cost]")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(section.QuerySelectorAll("[data-testid=step-cost]"), e => e.TextContent.Contains(none, StringComparison.Ordinal));
        Assert.NotNull(section.QuerySelector("[data-testid=roadmap-total]"));
        Assert.NotNull(section.QuerySelector("[data-testid=roadmap-shaped]"));
    }

    private async Task<(ApiClient Client, Guid ResultId)> SubmitAsync(string modelId, double fill, ApiClient? client = null)
    {
        client ??= await ApiClient.RegisterAsync(_factory, Codes.Email("owner"));
        var enterpriseId = (await client.CreateEnterpriseAsync("路线图测试机械有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var sheetId = (await client.StartSheetAsync(enterpriseId, modelId)).GetProperty("id").GetGuid();
        var model = _factory.Services.GetRequiredService<ModelRegistry>().Latest(modelId)!;
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheetId, DemoAnswers.Generate(model, new Random(3), fill))).StatusCode);
        var submitted = await ApiClient.ReadAsync(await client.Http.PostAsync($"/api/v1/sheets/{sheetId}/submit", null));
        return (client, submitted.GetProperty("summary").GetProperty("id").GetGuid());
    }

    private static async Task<string> FirstStepAsync(ApiClient client, Guid resultId)
    {
        var roadmap = await ApiClient.ReadAsync(await client.Http.GetAsync($"/api/v1/results/{resultId}/roadmap"));
        return roadmap.GetProperty("steps")[0].GetProperty("scenarioId").GetString()!;
    }

    private static Solution Solution(string scenario, long min, long max, int weeks, SizeClass[]? sizes = null, string[]? industries = null) => new()
    {
        TitleZh = $"方案 {Guid.NewGuid():N}", TitleEn = "Solution", Scenarios = [scenario], SizeClasses = [.. sizes ?? []], Industries = [.. industries ?? []],
        Deployment = DeploymentMode.Saas, PriceMinCny = min, PriceMaxCny = max, ImplementationWeeks = weeks,
    };

    private async Task SeedAsync(params Solution[] solutions)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var provider = new Provider { Name = $"服务商 {Guid.NewGuid():N}", CreditCode = Codes.NewCreditCode(), RegionCode = "330200" };
        db.Providers.Add(provider);
        foreach (var s in solutions)
        {
            s.ProviderId = provider.Id;
            db.Solutions.Add(s);
        }

        await db.SaveChangesAsync();
    }
}

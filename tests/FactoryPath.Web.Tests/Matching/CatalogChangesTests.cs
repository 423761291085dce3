using FactoryPath.Core.Catalog;
using FactoryPath.Core.Enterprises;
using FactoryPath.Core.Matching;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Demands;
using FactoryPath.Web.Matching;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Matching;

/// <summary>The index follows edits reported through ICatalogChanges, and the demand matcher uses it.</summary>
public sealed class CatalogChangesTests : IAsyncLifetime
{
    private readonly PlatformFactory factory = new();
    private MatchingIndex index = default!;

    public async Task InitializeAsync()
    {
        index = factory.Services.GetRequiredService<MatchingIndex>();
        await index.RebuildAsync();
    }

    public Task DisposeAsync()
    {
        factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private async Task<IReadOnlyList<string>> FindAsync(string text, string kind = SearchDocumentKinds.Solution) =>
        (await index.MatchAsync(new() { Text = text }, [kind], 10, TimeSpan.Zero))!.Of(kind).Select(m => m.Id).ToList();

    private static Provider NewProvider(string region) => new() { Name = "恒通设备互联", CreditCode = Codes.NewCreditCode(), RegionCode = region, RegionsServed = [region], Scenarios = ["equipment-monitoring"] };

    [Fact]
    public async Task SavedEditedAndDeletedSolutions_AreFollowed()
    {
        var provider = NewProvider("330000");
        var solution = new Solution { ProviderId = provider.Id, TitleZh = "智能排产系统", TitleEn = "Scheduling", Deployment = DeploymentMode.Saas, PriceMinCny = 1, PriceMaxCny = 2 };
        await WithDbAsync(db => { db.Providers.Add(provider); db.Solutions.Add(solution); return db.SaveChangesAsync(); });
        await index.ChangedAsync(SearchDocumentKinds.Solution, [solution.Id]);
        Assert.Equal([solution.Id.ToString()], await FindAsync("排程"));

        await WithDbAsync(async db => { var s = await db.Solutions.SingleAsync(s => s.Id == solution.Id); s.TitleZh = "质量追溯"; s.TitleEn = "Traceability"; return await db.SaveChangesAsync(); });
        await index.ChangedAsync(SearchDocumentKinds.Solution, [solution.Id]);
        Assert.Empty(await FindAsync("排程"));
        Assert.Equal([solution.Id.ToString()], await FindAsync("追溯"));

        await WithDbAsync(async db => { db.Providers.Remove(await db.Providers.SingleAsync(p => p.Id == provider.Id)); return await db.SaveChangesAsync(); });
        await index.DeletedAsync(SearchDocumentKinds.Provider, [provider.Id]);
        Assert.Empty(await FindAsync("追溯"));
        Assert.Empty(await FindAsync("恒通", SearchDocumentKinds.Provider));
    }

    [Fact]
    public async Task ProviderEdit_ReachesItsSolutionsFacts()
    {
        var provider = NewProvider("330000");
        var solution = new Solution { ProviderId = provider.Id, TitleZh = "设备联网网关", TitleEn = "Gateway", Deployment = DeploymentMode.Hybrid, PriceMinCny = 1, PriceMaxCny = 2 };
        await WithDbAsync(db => { db.Providers.Add(provider); db.Solutions.Add(solution); return db.SaveChangesAsync(); });
        await index.ChangedAsync(SearchDocumentKinds.Provider, [provider.Id]);

        await WithDbAsync(async db => { (await db.Providers.SingleAsync(p => p.Id == provider.Id)).RegionsServed = ["440000"]; return await db.SaveChangesAsync(); });
        await index.ChangedAsync(SearchDocumentKinds.Provider, [provider.Id]);

        Assert.Equal(["440000"], index.Facts(solution.Id.ToString())!.RegionsServed);
    }

    [Fact]
    public async Task DemandMatcher_ReachesProvidersServingTheRegion_WithReasons()
    {
        var zhejiang = NewProvider("330000");
        var guangdong = NewProvider("440000");
        guangdong.CreditCode = Codes.NewCreditCode("440300");
        await WithDbAsync(db => { db.Providers.AddRange(zhejiang, guangdong); return db.SaveChangesAsync(); });
        await index.ChangedAsync(SearchDocumentKinds.Provider, [zhejiang.Id, guangdong.Id]);
        using var scope = factory.Services.CreateScope();
        var matcher = scope.ServiceProvider.GetRequiredService<IDemandMatcher>();

        var matches = await matcher.MatchProvidersAsync(new Demand
        {
            Title = "设备互联", Description = "想把机床数据采集起来", Scenarios = ["equipment-monitoring"], RegionCode = "330212",
            IndustryCode = "34", SizeClass = SizeClass.Small, BudgetMaxCny = 100_000,
        }, 10);

        var match = Assert.Single(matches);
        Assert.Equal(zhejiang.Id, match.ProviderId);
        Assert.Contains("所选 1 个场景中的 1 个", match.ReasonZh, StringComparison.Ordinal);
        Assert.Contains("covers 1 of the 1 chosen scenarios", match.ReasonEn, StringComparison.Ordinal);
    }
}

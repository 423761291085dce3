using FactoryPath.Web.Accounts;
using FactoryPath.Web.Matching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class DemoPoolRoundTripTests : IDisposable
{
    private readonly PlatformFactory _factory = new(seedDemo: true);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("providers", "xlsx", "utf-8")]
    [InlineData("solutions", "csv", "gb18030")]
    [InlineData("cases", "csv", "utf-8")]
    [InlineData("chains", "xlsx", "utf-8")]
    public async Task The_demo_pool_exported_imports_back_as_all_unchanged(string kind, string format, string encoding)
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var export = await client.Http.GetByteArrayAsync($"/api/v1/pool/{kind}/export?format={format}&encoding={encoding}");

        var report = await client.ImportAsync(kind, "all", export, $"{kind}.{format}");

        Assert.True(report.Int("rows") > 0);
        Assert.Equal(0, report.Int("rejected"));
        Assert.Equal(report.Int("rows"), report.Int("unchanged"));
    }

    [Fact]
    public async Task Changed_records_are_told_to_the_matching_index_after_the_commit()
    {
        var recorder = new RecordingChanges();
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ICatalogChanges>(recorder)));
        var email = await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin);
        var client = new ApiClient(factory.CreateClient());
        await client.SignInAsync(email, ApiClient.Password);
        var provider = await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory));

        await client.ImportAsync("solutions", "validate", PoolData.Utf8(PoolData.SolutionHeader, PoolData.SolutionRow(provider, "新方案")));
        Assert.Empty(recorder.Changed);

        await client.ImportAsync("solutions", "all", PoolData.Utf8(PoolData.SolutionHeader, PoolData.SolutionRow(provider, "新方案")));
        var (kind, ids) = Assert.Single(recorder.Changed);
        Assert.Equal("solution", kind);
        Assert.Single(ids);
    }

    private sealed class RecordingChanges : ICatalogChanges
    {
        public List<(string Kind, IReadOnlyCollection<Guid> Ids)> Changed { get; } = [];

        public Task ChangedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
        {
            Changed.Add((kind, ids));
            return Task.CompletedTask;
        }

        public Task DeletedAsync(string kind, IReadOnlyCollection<Guid> ids, CancellationToken ct = default) => Task.CompletedTask;
    }
}

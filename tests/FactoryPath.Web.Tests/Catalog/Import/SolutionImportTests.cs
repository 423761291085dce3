using Microsoft.Extensions.DependencyInjection;
using System.Text;
using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using Microsoft.EntityFrameworkCore;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class SolutionImportTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Price_min_above_max_unknown_provider_and_unknown_deployment_are_reported_on_their_columns()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var provider = await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory));
        var stranger = Codes.NewCreditCode();

        var report = await client.ImportAsync("solutions", "validate", PoolData.Utf8(
            PoolData.SolutionHeader,
            PoolData.SolutionRow(provider, "设备联网套件"),
            PoolData.SolutionRow(provider, "能耗监测", min: "300000", max: "200000"),
            PoolData.SolutionRow(stranger, "排产优化"),
            PoolData.SolutionRow(provider, "质量追溯").Replace("SaaS", "cloud-ish", StringComparison.Ordinal),
            PoolData.SolutionRow(provider, "设备联网套件")));

        var errors = report.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "price_max_cny", Value: "200000", Code: "priceMaxCny.belowMin" });
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "provider_credit_code" && e.Value == stranger && e.Code == "provider.unknown");
        Assert.Contains(errors, e => e is { Row: 5, Column: "deployment", Value: "cloud-ish", Code: "deployment.unknown" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "title_zh", Code: "row.duplicate" });
        Assert.Equal(1, report.Int("validRows"));
    }

    [Fact]
    public async Task A_provider_imports_its_own_solutions_and_rows_of_another_provider_are_rejected_one_by_one()
    {
        var ownId = await PoolData.AddProviderAsync(_factory);
        var own = await PoolData.CreditCodeOfAsync(_factory, ownId);
        var other = await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory));
        var (client, _) = await PoolData.ProviderUserAsync(_factory, ownId);

        var report = await client.ImportAsync("solutions", "valid-only", PoolData.Utf8(
            PoolData.SolutionHeader, PoolData.SolutionRow(own, "我们的方案"), PoolData.SolutionRow(other, "别人的方案")));

        Assert.Equal(1, report.Int("inserted"));
        Assert.Contains(report.Errors(), e => e is { Row: 3, Column: "provider_credit_code", Code: "provider.notYours" });
        var stored = await PoolData.QueryAsync(_factory, db => db.Solutions.ToListAsync());
        Assert.Equal(ownId, Assert.Single(stored).ProviderId);

        var providers = await client.UploadAsync("providers", "validate", PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode())));
        Assert.Equal(HttpStatusCode.Forbidden, providers.StatusCode);
    }

    [Fact]
    public async Task Fifty_thousand_rows_import_and_a_second_import_leaves_all_of_them_unchanged()
    {
        const int rows = 50_000;
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var codes = new List<string>();
        for (var i = 0; i < 50; i++) codes.Add(await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory)));
        var text = new StringBuilder(PoolData.SolutionHeader).Append("\r\n");
        for (var i = 0; i < rows; i++)
            text.Append(PoolData.SolutionRow(codes[i % codes.Count], $"方案{i:00000}", min: (1000 + i).ToString(), max: (2000 + i).ToString())).Append("\r\n");
        var file = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();

        var first = await client.ImportAsync("solutions", "all", file);
        Assert.Equal("imported", first.GetProperty("outcome").GetString());
        Assert.Equal(rows, first.Int("inserted"));
        Assert.Equal(rows, await PoolData.CountAsync<Solution>(_factory));
        // so many changed rows rebuild the matching index from the database: every solution and provider is in it
        var index = _factory.Services.GetRequiredService<FactoryPath.Web.Matching.MatchingIndex>();
        Assert.True(index.Count >= rows + codes.Count, $"the matching index holds {index.Count} documents");

        var second = await client.ImportAsync("solutions", "all", file);
        Assert.Equal(rows, second.Int("unchanged"));
        Assert.Equal(0, second.Int("inserted") + second.Int("updated"));
        Assert.Equal(rows, await PoolData.CountAsync<Solution>(_factory));
    }

    [Fact]
    public async Task Solutions_exported_in_gb18030_decode_back_and_import_as_unchanged()
    {
        var client = await Users.WithRoleAsync(_factory, PlatformRoles.PlatformAdmin);
        var provider = await PoolData.CreditCodeOfAsync(_factory, await PoolData.AddProviderAsync(_factory));
        await client.ImportAsync("solutions", "all", PoolData.Utf8(PoolData.SolutionHeader, PoolData.SolutionRow(provider, "设备联网与数据采集")));

        var response = await client.Http.GetAsync("/api/v1/pool/solutions/export?format=csv&encoding=gb18030&headers=zh");
        Assert.Equal("gb18030", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = TextEncodings.Gb18030.GetString(bytes);
        Assert.StartsWith("服务商统一社会信用代码,中文标题", text);
        Assert.Contains("设备联网与数据采集", text);
        Assert.Contains("小型企业;中型企业", text);

        var report = await client.ImportAsync("solutions", "validate", bytes);
        Assert.Equal(1, report.Int("unchanged"));
    }
}

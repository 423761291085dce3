using FactoryPath.Web.Accounts;
using FactoryPath.Web.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Pool;

/// <summary>
/// One platform with the accounts the pool's rules are about: the operator, two providers with their accounts, an
/// enterprise user in Ningbo, another enterprise in Shenzhen, and the Ningbo city admin. Catalog changes are recorded.
/// </summary>
public sealed class PoolWorld : IAsyncLifetime
{
    public RecordingCatalogChanges Changes { get; } = new();
    public PlatformFactory Factory { get; }
    public ApiClient Operator { get; private set; } = default!;
    public ApiClient Enterprise { get; private set; } = default!;
    public ApiClient ProviderA { get; private set; } = default!;
    public ApiClient ProviderB { get; private set; } = default!;
    public ApiClient NingboAdmin { get; private set; } = default!;
    public Guid ProviderAId { get; private set; }
    public Guid ProviderBId { get; private set; }
    public Guid NingboEnterpriseId { get; private set; }
    public string NingboEnterpriseName { get; } = "宁波资源池测试机械有限公司";
    public Guid ShenzhenEnterpriseId { get; private set; }
    public string ShenzhenCreditCode { get; } = Codes.NewCreditCode("440300");

    public PoolWorld() =>
        Factory = new PlatformFactory(services: s => s.AddSingleton<ICatalogChanges>(Changes));

    public async Task InitializeAsync()
    {
        Operator = await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin);
        Enterprise = await ApiClient.RegisterAsync(Factory, Codes.Email("pool-owner"));
        NingboEnterpriseId = (await Enterprise.CreateEnterpriseAsync(NingboEnterpriseName, Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
        var shenzhen = await ApiClient.RegisterAsync(Factory, Codes.Email("pool-sz"));
        ShenzhenEnterpriseId = (await shenzhen.CreateEnterpriseAsync("深圳资源池测试电子有限公司", ShenzhenCreditCode, regionCode: "440300", industryCode: "39")).GetProperty("id").GetGuid();
        NingboAdmin = await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, "330200");

        ProviderAId = await CreateProviderAsync("甲方智造科技有限公司");
        ProviderBId = await CreateProviderAsync("乙方数字科技有限公司");
        ProviderA = await ProviderAccountAsync(ProviderAId);
        ProviderB = await ProviderAccountAsync(ProviderBId);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<Guid> CreateProviderAsync(string name, string? creditCode = null)
    {
        var response = await Operator.Http.PostAsJsonAsync("/api/v1/pool/providers", Provider(name, creditCode ?? Codes.NewCreditCode("330100")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A service-provider account bound to the provider, opened by the operator as in production.</summary>
    public async Task<ApiClient> ProviderAccountAsync(Guid providerId)
    {
        var email = Codes.Email("provider");
        var created = await Operator.Http.PostAsJsonAsync("/api/v1/admin/users",
            new { email, displayName = "服务商", password = ApiClient.Password, role = PlatformRoles.ServiceProvider, providerId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await ApiClient.SignInAsync(Factory, email, ApiClient.Password);
    }

    public static object Provider(string name, string creditCode) => new
    {
        name, creditCode, regionCode = "330100", regionsServed = new[] { "330000" }, industries = new[] { "34", "36" },
        scenarios = new[] { "equipment-monitoring" }, certifications = new[] { "ISO 9001" }, teamSize = 30,
        descriptionZh = "设备联网与数据采集", descriptionEn = "Equipment networking and data collection", website = "https://example.cn",
    };

    public static Dictionary<string, object?> Solution(string titleZh, Guid? providerId = null) => new()
    {
        ["providerId"] = providerId, ["titleZh"] = titleZh, ["titleEn"] = "Solution " + titleZh, ["descriptionZh"] = "说明",
        ["descriptionEn"] = "About it", ["scenarios"] = new[] { "equipment-monitoring" }, ["industries"] = new[] { "34" },
        ["sizeClasses"] = new[] { "Small", "Medium" }, ["deployment"] = "Saas", ["priceMinCny"] = 20_000, ["priceMaxCny"] = 80_000,
        ["implementationWeeks"] = 6, ["standardised"] = true,
    };

    public static Dictionary<string, object?> Case(string titleZh, Guid? solutionId = null, Guid? enterpriseId = null, bool anonymised = false,
        string enterpriseName = "浙江某机械企业") => new()
    {
        ["titleZh"] = titleZh, ["titleEn"] = "Case " + titleZh, ["summaryZh"] = "摘要", ["summaryEn"] = "Summary",
        ["enterpriseId"] = enterpriseId, ["enterpriseName"] = enterpriseName, ["anonymised"] = anonymised, ["industryCode"] = "34",
        ["regionCode"] = "330212", ["scenarios"] = new[] { "equipment-monitoring" }, ["tier"] = "SmartFactoryBasic", ["year"] = 2025,
        ["solutionId"] = solutionId,
        ["kpis"] = new object[] { new { indicator = "production_efficiency", before = 100, after = 125, unit = "件/时", changePercent = 25 } },
    };

    public object Chain(string nameZh, string regionCode = "330200") => new
    {
        nameZh, nameEn = "Chain " + nameZh, industries = new[] { "34" }, regionCode,
        members = new object[]
        {
            new { enterpriseId = NingboEnterpriseId, role = "Leader", tier = 0 },
            new { creditCode = ShenzhenCreditCode, role = "Member", tier = 1 },
        },
    };
}

using System.Net.Http.Headers;
using System.Text;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Catalog.Import;

/// <summary>Records and files for import tests: providers, enterprises and provider accounts straight in the database, and uploads.</summary>
public static class PoolData
{
    public const string ProviderHeader = "统一社会信用代码,名称,所在地区代码,服务地区,行业,场景,资质认证,团队人数,中文简介,英文简介,网站";
    public const string SolutionHeader = "provider_credit_code,title_zh,title_en,scenarios,industries,size_classes,deployment,price_min_cny,price_max_cny,implementation_weeks,standardised";

    public static string ProviderRow(string code, string name = "宁波智造科技有限公司", string industries = "34;35", string scenarios = "equipment-monitoring", string teamSize = "40") =>
        $"{code},{name},330200,330000;320000,{industries},{scenarios},ISO 9001,{teamSize},设备联网与监测,Equipment networking,https://example.cn";

    public static string SolutionRow(string providerCode, string title, string min = "50000", string max = "200000", string scenarios = "equipment-monitoring") =>
        $"{providerCode},{title},Solution {title},{scenarios},34,小型企业;Medium,SaaS,{min},{max},8,是";

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static async Task<Guid> AddProviderAsync(PlatformFactory factory, string? code = null, string region = "330200")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var provider = new Provider { Name = "测试服务商", CreditCode = code ?? Codes.NewCreditCode(), RegionCode = region, TeamSize = 10 };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider.Id;
    }

    public static async Task<string> CreditCodeOfAsync(PlatformFactory factory, Guid providerId)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Providers.FirstAsync(p => p.Id == providerId)).CreditCode;
    }

    public static async Task<Guid> AddEnterpriseAsync(PlatformFactory factory, string code, string region = "330212")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var enterprise = new Enterprise
        {
            Name = "企业" + code[^4..], CreditCode = code, IndustryCode = "34", RegionCode = region, ProvinceCode = region[..2] + "0000",
            Employees = 120, AnnualRevenueCny = 50_000_000m, SizeClass = SizeClass.Medium,
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    }

    /// <summary>A service-provider account bound to <paramref name="providerId"/>, signed in.</summary>
    public static async Task<(ApiClient Client, string Email)> ProviderUserAsync(PlatformFactory factory, Guid providerId)
    {
        var email = await Users.CreateAsync(factory, PlatformRoles.ServiceProvider);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var user = await db.Users.FirstAsync(u => u.Email == email);
            user.ProviderId = providerId;
            await db.SaveChangesAsync();
        }
        return (await ApiClient.SignInAsync(factory, email, ApiClient.Password), email);
    }

    public static async Task<int> CountAsync<T>(PlatformFactory factory) where T : class
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<T>().CountAsync();
    }

    public static async Task<T> QueryAsync<T>(PlatformFactory factory, Func<PlatformDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public static MultipartFormDataContent File(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static Task<HttpResponseMessage> UploadAsync(this ApiClient client, string kind, string mode, byte[] content, string fileName = "pool.csv") =>
        client.Http.PostAsync($"/api/v1/pool/{kind}/import?mode={mode}", File(content, fileName));

    public static async Task<JsonElement> ImportAsync(this ApiClient client, string kind, string mode, byte[] content, string fileName = "pool.csv")
    {
        var response = await client.UploadAsync(kind, mode, content, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static IEnumerable<(int Row, string Column, string Value, string Code)> Errors(this JsonElement report) =>
        report.GetProperty("errors").EnumerateArray().Select(e =>
            (e.Int("row"), e.GetProperty("column").GetString()!, e.GetProperty("value").GetString()!, e.GetProperty("code").GetString()!));
}

using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Tests.Demonstration;

public sealed class DemoRegistryTests
{
    [Fact]
    public async Task The_demo_city_admin_reviews_the_demo_enterprises_application_with_its_evidence()
    {
        using var factory = new PlatformFactory(seedDemo: true);
        var password = new PlatformOptions().DemoPassword;
        var ningbo = await ApiClient.SignInAsync(factory, DemoAccounts.CityAdmin.Email, password);
        var list = await ApiClient.ReadAsync(await ningbo.Http.GetAsync("/api/v1/demonstration/applications?status=submitted"));
        var application = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("smartFactoryBasic", application.GetProperty("tier").GetString());
        var id = application.GetProperty("id").GetGuid();

        var detail = await ApiClient.ReadAsync(await ningbo.Http.GetAsync($"/api/v1/demonstration/applications/{id}"));
        var models = detail.GetProperty("evidence").GetProperty("results").EnumerateArray().Select(r => r.GetProperty("modelId").GetString()!).Order().ToArray();
        Assert.Equal(["cmmm-selfcheck", "miit-sme-digital-level"], models);
        Assert.True(detail.GetProperty("canDecide").GetBoolean());
        Assert.True(detail.GetProperty("eligibleNow").GetBoolean(), detail.GetProperty("rulesNow").ToString());

        // the demo enterprise consents: its region's admin reads its answers, and the read is in its log
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.Enterprise.Email, password);
        var enterprise = detail.GetProperty("application").GetProperty("enterpriseId").GetGuid();
        var sheets = await ningbo.Http.GetAsync($"/api/v1/enterprises/{enterprise}/sheets");
        Assert.Equal(HttpStatusCode.OK, sheets.StatusCode);
        var log = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/enterprises/{enterprise}/admin-reads"));
        var whats = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Contains("demonstration-application", whats);
        Assert.Contains("answer-sheets", whats);
    }
}

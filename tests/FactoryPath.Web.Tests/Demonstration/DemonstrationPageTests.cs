using FactoryPath.Core.Tabular;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;

namespace FactoryPath.Web.Tests.Demonstration;

public sealed class DemonstrationPageTests
{
    private static readonly string Password = new PlatformOptions().DemoPassword;

    [Fact]
    public async Task The_city_admin_reviews_on_the_pages_and_the_enterprise_sees_the_decision_and_the_read()
    {
        using var factory = new PlatformFactory(seedDemo: true);
        var admin = await PageClient.SignedInAsync(factory, DemoAccounts.CityAdmin.Email, Password);
        var list = await admin.GetDocumentAsync("/admin/demonstration?status=Submitted");
        var link = list.QuerySelector("[data-testid=application-table] a")!.GetAttribute("href")!;
        Assert.StartsWith("/demonstration/applications/", link);
        Assert.Contains("宁波示范精密机械有限公司", list.QuerySelector("[data-testid=application-table]")!.TextContent);

        // the download matches the list
        var xlsx = await admin.Http.GetAsync("/admin/demonstration/export.xlsx?status=Submitted");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var table = XlsxTable.Read(await xlsx.Content.ReadAsStreamAsync()).Table!;
        Assert.Equal("宁波示范精密机械有限公司", Assert.Single(table.Rows).Cells[0]);

        var detail = await admin.GetDocumentAsync(link);
        Assert.Contains("cmmm-selfcheck", detail.QuerySelector("[data-testid=evidence-results]")!.TextContent);
        var decided = await admin.PostFormAsync(link, "[data-testid=decision-form]", new() { ["Decision"] = "Approved", ["Text"] = "材料齐全，同意认定为基础级智能工厂。" });
        Assert.True(decided.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, decided.StatusCode.ToString());

        var owner = await PageClient.SignedInAsync(factory, DemoAccounts.Enterprise.Email, Password);
        var seen = await owner.GetDocumentAsync(link);
        Assert.Equal("Approved", seen.QuerySelector("[data-testid=status]")!.TextContent.Trim());
        Assert.Contains("材料齐全，同意认定为基础级智能工厂。", seen.QuerySelector("[data-testid=thread]")!.TextContent);
        var tiers = await owner.GetDocumentAsync("/demonstration");
        Assert.NotNull(tiers.QuerySelector("[data-testid=tier-SmartFactoryBasic] [data-testid=recognised]"));
        var privacy = await owner.GetDocumentAsync("/enterprise/privacy");
        Assert.Contains(DemoAccounts.CityAdmin.Email, privacy.QuerySelector("[data-testid=read-log]")!.TextContent);
        Assert.Contains("Demonstration application", privacy.QuerySelector("[data-testid=read-log]")!.TextContent);
    }

    [Fact]
    public async Task Another_regions_admin_and_another_enterprise_get_not_found_for_the_application_page()
    {
        using var factory = new PlatformFactory(seedDemo: true);
        var ningbo = await ApiClient.SignInAsync(factory, DemoAccounts.CityAdmin.Email, Password);
        var id = (await ApiClient.ReadAsync(await ningbo.Http.GetAsync("/api/v1/demonstration/applications"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var hangzhouEmail = await Users.CreateAsync(factory, PlatformRoles.RegionalAdmin, "330100");
        var otherEmail = Codes.Email("page-other");
        var other = await ApiClient.RegisterAsync(factory, otherEmail);
        await other.CreateEnterpriseAsync("别的企业", Codes.NewCreditCode("330100"), regionCode: "330102");
        foreach (var email in new[] { hangzhouEmail, otherEmail })
        {
            var client = await PageClient.SignedInAsync(factory, email, ApiClient.Password);
            var response = await client.Http.GetAsync($"/demonstration/applications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("宁波示范精密机械有限公司", await response.Content.ReadAsStringAsync());
        }
        var hangzhou = await PageClient.SignedInAsync(factory, hangzhouEmail, ApiClient.Password);
        var list = await hangzhou.GetDocumentAsync("/admin/demonstration");
        Assert.NotNull(list.QuerySelector("[data-testid=empty]"));
    }

    [Fact]
    public async Task A_result_page_tells_the_regional_admin_that_consent_is_missing()
    {
        using var factory = new PlatformFactory();
        var ownerEmail = Codes.Email("page-consent");
        var owner = await ApiClient.RegisterAsync(factory, ownerEmail);
        var enterprise = (await owner.CreateEnterpriseAsync("未授权企业", Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
        var model = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FactoryPath.Core.Assessment.ModelRegistry>(factory.Services).Latest("miit-sme-digital-level")!;
        var sheet = (await owner.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        await owner.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(3), 0.5));
        var result = (await ApiClient.ReadAsync(await owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null))).GetProperty("summary").GetProperty("id").GetGuid();
        var adminEmail = await Users.CreateAsync(factory, PlatformRoles.RegionalAdmin, "330200");
        var admin = await PageClient.SignedInAsync(factory, adminEmail, ApiClient.Password);

        var refused = await admin.Http.GetAsync($"/results/{result}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        Assert.Contains("not allowed its regional administrators", page.QuerySelector("[data-testid=consent-refused]")!.TextContent);

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PutAsJsonAsync($"/api/v1/enterprises/{enterprise}/consent", new { allowRegionalAdmins = true })).StatusCode);
        var allowed = await admin.GetDocumentAsync($"/results/{result}");
        Assert.NotNull(allowed.QuerySelector("[data-testid=level]"));
        // another region's admin still reads "not found"
        var hangzhou = await PageClient.SignedInAsync(factory, await Users.CreateAsync(factory, PlatformRoles.RegionalAdmin, "330100"), ApiClient.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await hangzhou.Http.GetAsync($"/results/{result}")).StatusCode);
    }
}

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
}

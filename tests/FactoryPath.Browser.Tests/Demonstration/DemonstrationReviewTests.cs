using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Demonstration;

/// <summary>
/// The demo's Ningbo administrator opens the demo enterprise's basic-tier application, sees its evidence, approves it
/// with a comment, and the enterprise sees the decision and the recognition.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DemonstrationReviewTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Comment = "材料齐全，同意认定为基础级智能工厂。";

    [Fact]
    public async Task The_city_admin_approves_the_demo_application_and_the_enterprise_sees_the_decision()
    {
        var admin = await SignInAsync(DemoAccounts.CityAdmin.Email);
        await admin.ClickAsync("nav a[href='/admin/demonstration']");
        await admin.WaitForURLAsync("**/admin/demonstration");
        await admin.Locator("[data-testid=application-table] a").Filter(new() { HasText = "宁波示范精密机械有限公司" }).First.ClickAsync();
        await admin.WaitForURLAsync("**/demonstration/applications/**");
        var url = admin.Url;
        await Expect(admin.Locator("[data-testid=evidence-results]")).ToContainTextAsync("cmmm-selfcheck");
        await Expect(admin.Locator("[data-testid=evidence-results]")).ToContainTextAsync("miit-sme-digital-level");
        await ScreenshotAsync(admin, "review-evidence");

        await admin.SelectOptionAsync("#decision", "Approved");
        await admin.FillAsync("#decision-comment", Comment);
        await admin.ClickAsync("[data-testid=decide]");
        await Expect(admin.Locator("[data-testid=status]")).ToHaveTextAsync("Approved", new() { Timeout = 30_000 });

        var owner = await SignInAsync(DemoAccounts.Enterprise.Email);
        await owner.GotoAsync(new Uri(url).PathAndQuery);
        await Expect(owner.Locator("[data-testid=status]")).ToHaveTextAsync("Approved");
        await Expect(owner.Locator("[data-testid=thread]")).ToContainTextAsync(Comment);
        await owner.ClickAsync("nav a[href='/demonstration']");
        await Expect(owner.Locator("[data-testid=tier-SmartFactoryBasic] [data-testid=recognised]")).ToBeVisibleAsync();
        await ScreenshotAsync(owner, "recognised");
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync("en");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", new PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }
}

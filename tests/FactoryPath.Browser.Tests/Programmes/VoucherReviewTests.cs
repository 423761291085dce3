using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Programmes;

/// <summary>
/// The demo's Ningbo administrator opens the transformation-voucher programme, reviews the demo enterprise's pending
/// application, approves it, and sees the programme's remaining budget drop by the amount granted.
/// </summary>
[Collection(BrowserCollection.Name)]
public class VoucherReviewTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_city_admin_approves_the_demo_voucher_application_and_the_remaining_budget_drops()
    {
        var page = await NewPageAsync("zh-CN");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoAccounts.CityAdmin.Email);
        await page.FillAsync("#password", new FactoryPath.Web.Platform.PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.ClickAsync("nav a[href='/programmes']");
        await page.ClickAsync($"[data-testid=programme-table] a:has-text('{DemoProgrammes.VoucherNameZh}')");
        var remaining = page.Locator("[data-testid=remaining]");
        // budget 500 万元, 20 万元 already granted to a Ningbo peer
        await Expect(remaining).ToHaveTextAsync("480 万元");
        await ScreenshotAsync(page, "programme-before");

        var row = page.Locator("[data-testid=application-table] tr").Filter(new() { HasText = "宁波示范精密机械有限公司" });
        await row.Locator("[data-testid=review-link]").ClickAsync();
        await Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync("待审核");
        await Expect(page.Locator("[data-testid=enterprise-summary]")).ToContainTextAsync("宁波示范精密机械有限公司");
        await Expect(page.Locator("[data-testid=eligibility]")).ToHaveTextAsync("符合全部资格条件。");
        await ScreenshotAsync(page, "review");

        await page.ClickAsync("[data-testid=approve]");
        await Expect(page.Locator("[data-testid=review-notice]")).ToHaveTextAsync("已批准。");
        await Expect(page.Locator("[data-testid=application-status]")).ToHaveTextAsync("已批准");
        await Expect(page.Locator("[data-testid=granted]")).ToHaveTextAsync("30 万元");

        await page.ClickAsync("[data-testid=programme-link]");
        await Expect(page.Locator("[data-testid=remaining]")).ToHaveTextAsync("450 万元");
        await Expect(page.Locator("[data-testid=pending-count]")).ToHaveTextAsync("0");
        await ScreenshotAsync(page, "programme-after");
    }
}

using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Region;

/// <summary>
/// A Hubei province administrator (a province where neither the demo nor another browser test registers enterprises) opens the regional
/// console, sees Wuhan's two enterprises and — as their complement — Huangshi's six hidden as "&lt;5", drills into Huangshi and
/// sees its county with six enterprises, and goes back up.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegionDrillDownTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN", "区域统计", "湖北省")]
    [InlineData("en", "Regional statistics", "Hubei")]
    public async Task A_province_admin_drills_from_province_to_city(string locale, string title, string province)
    {
        var email = await SeedAsync(locale);
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Journeys.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.ClickAsync($"nav a[href='/region']");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(title);
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(province);
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(Total);
        var wuhan = page.Locator("[data-testid=district-table] tr").Filter(new() { Has = page.Locator("[data-testid=drill-420100]") });
        var huangshi = page.Locator("[data-testid=district-table] tr").Filter(new() { Has = page.Locator("[data-testid=drill-420200]") });
        await Expect(wuhan.Locator("td").Nth(1)).ToHaveTextAsync("<5");
        await Expect(huangshi.Locator("td").Nth(1)).ToHaveTextAsync("<5");
        await ScreenshotAsync(page, $"province-{locale}");

        await page.ClickAsync("[data-testid=drill-420200]");
        await page.WaitForURLAsync("**/region/420200");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync("黄石市");
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(CityTotal);
        var county = page.Locator("[data-testid=district-table] tbody tr");
        await Expect(county).ToHaveCountAsync(1);
        await Expect(county.Locator("td").Nth(0)).ToContainTextAsync("420202");
        await Expect(county.Locator("td").Nth(1)).ToHaveTextAsync(CityTotal);
        await ScreenshotAsync(page, $"city-{locale}");

        await page.ClickAsync("[data-testid=region-up]");
        await page.WaitForURLAsync("**/region/420000");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(province);
    }

    [Fact]
    public async Task The_demo_province_admin_sees_the_level_distribution_drawn()
    {
        var page = await NewPageAsync("zh-CN");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", FactoryPath.Web.Demo.DemoAccounts.ProvinceAdmin.Email);
        await page.FillAsync("#password", new FactoryPath.Web.Platform.PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/region");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync("浙江省");
        var chart = page.Locator("[data-testid=levels-chart-miit-sme-digital-level]");
        await Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "demo-zhejiang");
    }

    private const string Total = "8";
    private const string CityTotal = "6";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>Wuhan 420102: 2 enterprises; Huangshi 420202: 6 (once per server); and a Hubei admin for this locale.</summary>
    private async Task<string> SeedAsync(string locale)
    {
        using var scope = Fixture.Server.Services.CreateScope();
        await Once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                foreach (var (region, count) in new[] { ("420102", 2), ("420202", 6) })
                {
                    for (var i = 0; i < count; i++)
                    {
                        db.Enterprises.Add(new Enterprise
                        {
                            Name = $"湖北测试企业{region}-{i}", CreditCode = Journeys.NewCreditCode(), IndustryCode = "34", RegionCode = region,
                            ProvinceCode = "420000", Employees = 50, AnnualRevenueCny = 10_000_000m, SizeClass = SizeClass.Small,
                        });
                    }
                }
                await db.SaveChangesAsync();
                _seeded = true;
            }
        }
        finally
        {
            Once.Release();
        }
        var email = $"hubei-{locale}-{Guid.NewGuid():N}@test.factorypath.cn";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = "湖北省管理员", RegionCode = "420000" };
        Assert.True((await users.CreateAsync(user, Journeys.Password)).Succeeded);
        await users.AddToRoleAsync(user, PlatformRoles.RegionalAdmin);
        return email;
    }
}

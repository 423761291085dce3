using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Demands;

/// <summary>An enterprise posts a demand, a matched provider answers it, the enterprise accepts it and sees the project.</summary>
[Collection(BrowserCollection.Name)]
public class DemandJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = Journeys.Password;

    [Fact]
    public async Task An_enterprise_posts_a_demand_a_provider_answers_it_and_the_enterprise_accepts_it()
    {
        var providerEmail = await CreateProviderAsync("浏览器测试工业互联网服务有限公司", ["equipment-fault-prediction"]);

        // the enterprise, in Chinese: sign up, describe the enterprise, post a demand
        var enterprise = await NewPageAsync("zh-CN");
        await Journeys.SignUpWithEnterpriseAsync(enterprise, "浏览器需求测试机械有限公司");
        await enterprise.GotoAsync("/demands");
        await Expect(enterprise.Locator("[data-testid=no-demands]")).ToBeVisibleAsync();
        await enterprise.FillAsync("#title", "数控机床故障预测");
        await enterprise.FillAsync("#description", "二十台数控机床，希望提前发现主轴故障。");
        await enterprise.Locator("details:has(input[value=equipment-fault-prediction]) summary").ClickAsync();
        await enterprise.CheckAsync("input[value=equipment-fault-prediction]");
        await enterprise.FillAsync("#budgetMin", "10");
        await enterprise.FillAsync("#budgetMax", "40");
        await Expect(enterprise.Locator("#regionCode")).ToHaveValueAsync("330200"); // prefilled from the profile
        await ScreenshotAsync(enterprise, "post-demand-zh");
        await enterprise.ClickAsync("[data-testid=demand-form] button[type=submit]");
        await enterprise.WaitForURLAsync("**/demands/*?posted=1");
        // the demo pool's providers may be matched too; the test provider's inbox is checked below
        await Expect(enterprise.Locator("[data-testid=recipient-count]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Expect(enterprise.Locator("[data-testid=no-proposals]")).ToBeVisibleAsync();
        var demandUrl = enterprise.Url.Split('?')[0];
        var demandId = demandUrl.Split('/').Last();

        // the provider, in English: the demand waits unread in its inbox; it answers
        var provider = await NewPageAsync("en");
        await SignInAsync(provider, providerEmail);
        await provider.GotoAsync("/inbox");
        var row = provider.Locator($"tr[data-demand='{demandId}']");
        await Expect(row).ToHaveAttributeAsync("data-unread", "true");
        await Expect(row.Locator("strong a")).ToHaveTextAsync("数控机床故障预测");
        await ScreenshotAsync(provider, "inbox-en");
        await row.Locator("a").First.ClickAsync();
        await provider.WaitForURLAsync($"**/inbox/{demandId}");
        await provider.FillAsync("#price", "28.5");
        await provider.FillAsync("#weeks", "10");
        await provider.FillAsync("#approach", "Network the spindles, collect vibration data and train a fault model in ten weeks.");
        await provider.ClickAsync("[data-testid=save-proposal]");
        await provider.WaitForURLAsync("**saved=1");
        await Expect(provider.Locator("[data-testid=my-price]")).ToHaveTextAsync("CNY 285,000");
        await ScreenshotAsync(provider, "proposal-en");

        // the enterprise compares and accepts; the project is planned
        await enterprise.GotoAsync(demandUrl);
        await Expect(enterprise.Locator("[data-testid=proposal-table] [data-testid=price]")).ToHaveTextAsync("28.5 万元");
        await ScreenshotAsync(enterprise, "compare-zh");
        await enterprise.ClickAsync("[data-testid=proposal-table] [data-testid=accept]");
        await enterprise.WaitForURLAsync("**/projects/*?accepted=1");
        await Expect(enterprise.Locator("[data-testid=project-status]")).ToHaveTextAsync("待启动");
        await Expect(enterprise.Locator("h1")).ToHaveTextAsync("数控机床故障预测");
        await ScreenshotAsync(enterprise, "project-zh");

        // the provider now finds the project in its list
        await provider.GotoAsync("/projects");
        await Expect(provider.Locator("[data-testid=project-table] a", new() { HasText = "数控机床故障预测" })).ToBeVisibleAsync();
    }

    /// <summary>A provider in the pool with a bound service-provider account, made directly in the running platform's database.</summary>
    private async Task<string> CreateProviderAsync(string name, string[] scenarios)
    {
        var email = $"provider-{Guid.NewGuid():N}@test.factorypath.cn";
        using var scope = Fixture.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var first17 = $"91330100MA{Random.Shared.Next(0, 9_999_999):0000000}";
        var provider = new Provider
        {
            Name = name, CreditCode = first17 + CreditCode.ComputeCheckCharacter(first17), RegionCode = "330100", Scenarios = [.. scenarios], TeamSize = 40,
        };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        // as the pool service does after a save: the matching index learns of the new provider
        await scope.ServiceProvider.GetRequiredService<FactoryPath.Web.Matching.ICatalogChanges>()
            .ChangedAsync(FactoryPath.Core.Matching.SearchDocumentKinds.Provider, [provider.Id]);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = name, ProviderId = provider.Id };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, PlatformRoles.ServiceProvider);
        return email;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}

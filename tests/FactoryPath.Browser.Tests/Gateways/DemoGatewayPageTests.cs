using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Gateways;

/// <summary>
/// What a newcomer sees after the one-command start: the demo enterprise's gateway, reading the simulated machines over
/// Modbus TCP in the platform's own process, shows online with its live tags, and the values move on screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DemoGatewayPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_demo_gateway_shows_online_with_the_simulated_machines_live()
    {
        var page = await NewPageAsync("en");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoAccounts.Enterprise.Email);
        await page.FillAsync("#password", new PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/gateways/{DemoGateway.Id}");
        await Expect(page.Locator("[data-testid=live-panel] [data-testid=status]")).ToHaveAttributeAsync("data-status", "online", new() { Timeout = 60_000 });
        var energy = page.Locator("[data-testid=live-table] tr[data-tag='meter-1.energy'] [data-testid=value]");
        await Expect(energy).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=live-table] tr[data-tag='press-1.good_count']")).ToContainTextAsync("demo/ningbo/moulding/line-1/press-1");
        await Expect(page.Locator("[data-testid=live-panel]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        var first = await energy.InnerTextAsync();
        await ScreenshotAsync(page, "demo-gateway-en");

        // the meter's energy only grows while the simulated factory runs: the value on screen changes by itself
        await Expect(energy).Not.ToHaveTextAsync(first, new() { Timeout = 60_000 });
    }
}

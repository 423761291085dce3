using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Assessment;

/// <summary>
/// The newcomer's "done when": after the one-command start, the demo enterprise's assessment shows the equipment
/// networking rate filled from the demo gateway's equipment register, marked as live data, in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveEvidenceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN", "来自实时数据")]
    [InlineData("en", "from live data")]
    public async Task The_demo_assessment_shows_the_networking_rate_from_live_data(string locale, string fromLive)
    {
        var register = await RegisterAsync();
        var expectedRate = (register.Networked * 100m / register.Total).ToString("0.##", CultureInfo.InvariantCulture);

        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoAccounts.Enterprise.Email);
        await page.FillAsync("#password", new PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/assessments");
        await page.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");

        var evidence = page.Locator("[data-testid=evidence-equipment-networking]");
        await Expect(evidence).ToHaveAttributeAsync("data-source", "live", new() { Timeout = 30_000 });
        await Expect(evidence.Locator(".tag.live")).ToHaveTextAsync(fromLive);
        await Expect(evidence.Locator("[data-testid=live-rate]")).ToContainTextAsync(expectedRate);
        await Expect(evidence.Locator("[data-testid=measured-at]")).ToContainTextAsync("UTC");
        // the inputs are filled with the register's counts, and the questionnaire's own rate line agrees
        await Expect(page.Locator("[data-testid=in-equipment-networking-networked]")).ToHaveValueAsync(register.Networked.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=in-equipment-digitization-total]")).ToHaveValueAsync(register.Total.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=rate-equipment-networking]")).ToContainTextAsync(expectedRate);
        await page.Locator("#q-equipment-networking").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, $"networking-rate-{locale}");
    }

    [Fact]
    public async Task Entering_another_value_asks_for_a_reason_keeps_the_override_and_the_live_value_comes_back_on_request()
    {
        var register = await RegisterAsync();
        Assert.True(register.Networked > 0, "the demo factory has networked machines");
        var live = register.Networked.ToString(CultureInfo.InvariantCulture);
        var other = (register.Networked - 1).ToString(CultureInfo.InvariantCulture);

        var page = await NewPageAsync("en");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoAccounts.Enterprise.Email);
        await page.FillAsync("#password", new PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/assessments");
        await page.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");
        var sheetUrl = page.Url;

        var evidence = page.Locator("[data-testid=evidence-equipment-networking]");
        var input = page.Locator("[data-testid=in-equipment-networking-networked]");
        await Expect(input).ToHaveValueAsync(live, new() { Timeout = 30_000 });
        await input.FillAsync(other);
        await input.PressAsync("Tab");
        await Expect(evidence).ToHaveAttributeAsync("data-source", "override");
        await Expect(page.Locator(".field-error[data-field='equipment-networking.reason']")).ToContainTextAsync("give a reason");

        await page.FillAsync("[data-testid=reason-equipment-networking]", "Two presses are being moved this week");
        await page.PressAsync("[data-testid=reason-equipment-networking]", "Tab");
        await Expect(page.Locator(".field-error[data-field='equipment-networking.reason']")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "override-en");

        // stored as an override: a fresh load shows the entered value and the reason, not the live value
        await page.GotoAsync(sheetUrl);
        await Expect(input).ToHaveValueAsync(other, new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=reason-equipment-networking]")).ToHaveValueAsync("Two presses are being moved this week");

        await page.ClickAsync("[data-testid=use-live-equipment-networking]");
        await Expect(evidence).ToHaveAttributeAsync("data-source", "live");
        await Expect(input).ToHaveValueAsync(live);
        await Expect(page.Locator("[data-testid=save-state]")).Not.ToHaveTextAsync("Answers save automatically");
        await page.GotoAsync(sheetUrl);
        await Expect(input).ToHaveValueAsync(live, new() { Timeout = 30_000 });
        await Expect(evidence).ToHaveAttributeAsync("data-source", "live");
    }

    [Fact]
    public async Task Without_a_gateway_the_question_says_so_and_nothing_is_filled()
    {
        // a fresh account and enterprise through the API, then the questionnaire in the browser
        var email = $"no-gateway-{Guid.NewGuid():N}@test.factorypath.cn";
        const string password = "NoGateway2026pass";
        using var http = new HttpClient { BaseAddress = BaseAddress };
        Assert.True((await http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "无网关", email, password })).IsSuccessStatusCode);
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var first17 = $"91330200MA{Random.Shared.Next(0, 9_999_999):0000000}";
        var enterprise = await http.PostAsJsonAsync("/api/v1/enterprises", new
        {
            name = "没有网关的精密制造有限公司", creditCode = first17 + FactoryPath.Core.Enterprises.CreditCode.ComputeCheckCharacter(first17),
            industryCode = "34", regionCode = "330212", employees = 60, annualRevenueCny = 12_000_000m,
        });
        Assert.True(enterprise.IsSuccessStatusCode, await enterprise.Content.ReadAsStringAsync());

        var page = await NewPageAsync("zh-CN");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/assessments");
        await page.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");

        var evidence = page.Locator("[data-testid=evidence-equipment-networking]");
        await Expect(evidence).ToHaveAttributeAsync("data-source", "none", new() { Timeout = 30_000 });
        await Expect(evidence.Locator("[data-testid=no-live]")).ToHaveTextAsync("没有实时数据：本企业还没有接入网关，请手动填写。");
        await Expect(page.Locator("[data-testid=in-equipment-networking-networked]")).ToHaveValueAsync("");
        await Expect(page.Locator("[data-testid=in-equipment-digitization-total]")).ToHaveValueAsync("");
    }

    /// <summary>The demo gateway's equipment register as the platform stored it, once it has arrived.</summary>
    private async Task<EquipmentRegisterReport> RegisterAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            using (var scope = Fixture.Server.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var json = await db.GatewaySnapshots.AsNoTracking()
                    .Where(s => s.GatewayId == DemoGateway.Id && s.Kind == UplinkKinds.Register).Select(s => s.Json).FirstOrDefaultAsync();
                if (json is not null) return JsonSerializer.Deserialize<EquipmentRegisterReport>(json, UplinkJson.Options)!;
            }
            if (DateTime.UtcNow > deadline) Assert.Fail("the demo gateway sent no equipment register within 120 s");
            await Task.Delay(250);
        }
    }
}
